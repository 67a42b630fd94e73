using Grpc.Core;

namespace FlyteSharp.Catalog.Grpc;

/// <summary>
/// The one mapping between <see cref="CatalogErrorCode"/> and gRPC status codes, used by the client (status to
/// exception) and by the catalog server (exception to status), so a failure crosses the wire with its meaning intact.
/// </summary>
internal static class CatalogStatusCodes
{
    public static StatusCode ToStatusCode(CatalogErrorCode code) => code switch
    {
        CatalogErrorCode.NotFound => StatusCode.NotFound,
        CatalogErrorCode.AlreadyExists => StatusCode.AlreadyExists,
        CatalogErrorCode.InvalidArgument => StatusCode.InvalidArgument,
        CatalogErrorCode.Unavailable => StatusCode.Unavailable,
        CatalogErrorCode.FailedPrecondition => StatusCode.FailedPrecondition,
        _ => StatusCode.Internal,
    };

    public static CatalogErrorCode ToErrorCode(StatusCode code) => code switch
    {
        StatusCode.NotFound => CatalogErrorCode.NotFound,
        StatusCode.AlreadyExists => CatalogErrorCode.AlreadyExists,
        StatusCode.InvalidArgument => CatalogErrorCode.InvalidArgument,
        StatusCode.FailedPrecondition => CatalogErrorCode.FailedPrecondition,
        StatusCode.Unavailable or StatusCode.DeadlineExceeded or StatusCode.Cancelled => CatalogErrorCode.Unavailable,
        _ => CatalogErrorCode.Internal,
    };

    /// <summary>
    /// Whether a failed call may succeed if sent again: the codes flytepropeller's catalog client retries
    /// (flytepropeller/pkg/controller/nodes/catalog/datacatalog/datacatalog.go, v1.16.8). Never NotFound or AlreadyExists.
    /// </summary>
    public static bool IsTransient(StatusCode code) =>
        code is StatusCode.Unavailable or StatusCode.DeadlineExceeded or StatusCode.Cancelled;
}
