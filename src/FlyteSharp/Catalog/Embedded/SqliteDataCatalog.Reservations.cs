// Mirrors flyteorg/flyte v1.16.8 datacatalog/pkg/manager/impl/reservation_manager.go and
// datacatalog/pkg/repositories/gormimpl/reservation.go: the heartbeat is the smaller of the requested one and the
// configured maximum; a reservation expires heartbeat × grace multiplier after it was taken or extended; the owner (or
// anyone, once it has expired) takes or extends it, anyone else gets the current owner's reservation back; releasing a
// reservation one does not hold is not an error. Here the read and the write share one IMMEDIATE transaction, so the
// race Flyte resolves with a conditional update cannot happen.
using Datacatalog;
using Google.Protobuf.WellKnownTypes;
using Microsoft.Data.Sqlite;

namespace FlyteSharp.Catalog.Embedded;

public sealed partial class SqliteDataCatalog
{
    private const string ReservationKey =
        "project = $project AND name = $name AND domain = $domain AND version = $version AND tag_name = $tag";

    /// <inheritdoc />
    public Task<GetOrExtendReservationResponse> GetOrExtendReservationAsync(GetOrExtendReservationRequest request, CancellationToken cancellationToken = default) =>
        Run("GetOrExtendReservation", TransactionKind.Write, request, CatalogRequestValidator.Validate, GetOrExtendReservation, cancellationToken);

    /// <inheritdoc />
    public Task<ReleaseReservationResponse> ReleaseReservationAsync(ReleaseReservationRequest request, CancellationToken cancellationToken = default) =>
        Run("ReleaseReservation", TransactionKind.Write, request, CatalogRequestValidator.Validate, ReleaseReservation, cancellationToken);

    private GetOrExtendReservationResponse GetOrExtendReservation(GetOrExtendReservationRequest request, SqliteConnection connection, SqliteTransaction transaction)
    {
        var heartbeat = _maxHeartbeat;
        if (request.HeartbeatInterval is { } requested && requested.ToTimeSpan() < heartbeat)
        {
            heartbeat = requested.ToTimeSpan();
        }

        var id = request.ReservationId;
        var now = NowMicros();
        var expiresAt = now + (heartbeat.Ticks * _graceMultiplier / TimeSpan.TicksPerMicrosecond);
        (string Owner, long ExpiresAt)? current = null;
        using (var select = ReservationCommand(connection, transaction, id, "SELECT owner_id, expires_at FROM reservations WHERE " + ReservationKey + ";"))
        using (var reader = select.ExecuteReader())
        {
            if (reader.Read())
            {
                current = (reader.GetString(0), reader.GetInt64(1));
            }
        }

        string sql;
        if (current is null)
        {
            sql = """
                INSERT INTO reservations (project, name, domain, version, tag_name, owner_id, expires_at, created_at, updated_at)
                VALUES ($project, $name, $domain, $version, $tag, $owner, $expires, $now, $now);
                """;
        }
        else if (current.Value.ExpiresAt < now || string.Equals(current.Value.Owner, request.OwnerId, StringComparison.Ordinal))
        {
            sql = "UPDATE reservations SET owner_id = $owner, expires_at = $expires, updated_at = $now WHERE " + ReservationKey + ";";
        }
        else
        {
            return Reservation(id, current.Value.Owner, heartbeat, current.Value.ExpiresAt);
        }

        using var write = ReservationCommand(connection, transaction, id, sql);
        write.Parameters.AddWithValue("$owner", request.OwnerId);
        write.Parameters.AddWithValue("$expires", expiresAt);
        write.Parameters.AddWithValue("$now", now);
        write.ExecuteNonQuery();
        return Reservation(id, request.OwnerId, heartbeat, expiresAt);
    }

    private static ReleaseReservationResponse ReleaseReservation(ReleaseReservationRequest request, SqliteConnection connection, SqliteTransaction transaction)
    {
        using var delete = ReservationCommand(
            connection,
            transaction,
            request.ReservationId,
            "DELETE FROM reservations WHERE " + ReservationKey + " AND owner_id = $owner;");
        delete.Parameters.AddWithValue("$owner", request.OwnerId);
        delete.ExecuteNonQuery();
        return new ReleaseReservationResponse();
    }

    private static CatalogCommand ReservationCommand(
        SqliteConnection connection, SqliteTransaction transaction, ReservationID id, string sql) =>
        Command(
            connection,
            transaction,
            sql,
            ("$project", id.DatasetId.Project),
            ("$name", id.DatasetId.Name),
            ("$domain", id.DatasetId.Domain),
            ("$version", id.DatasetId.Version),
            ("$tag", id.TagName));

    private static GetOrExtendReservationResponse Reservation(ReservationID id, string owner, TimeSpan heartbeat, long expiresAtMicros) => new()
    {
        Reservation = new Reservation
        {
            ReservationId = new ReservationID
            {
                DatasetId = new DatasetID
                {
                    Project = id.DatasetId.Project,
                    Domain = id.DatasetId.Domain,
                    Name = id.DatasetId.Name,
                    Version = id.DatasetId.Version,
                },
                TagName = id.TagName,
            },
            OwnerId = owner,
            HeartbeatInterval = Duration.FromTimeSpan(heartbeat),
            ExpiresAt = ToTimestamp(expiresAtMicros),
        },
    };
}
