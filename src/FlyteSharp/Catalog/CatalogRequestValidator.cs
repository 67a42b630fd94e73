// Mirrors the request validation of Flyte's DataCatalog (flyteorg/flyte v1.16.8,
// datacatalog/pkg/manager/impl/validators/*.go and the checks in the managers). Deliberate, stricter differences:
// a missing top-level message is InvalidArgument (Flyte dereferences it), duplicate artifact data names are
// InvalidArgument (Flyte reports the unique-key clash as AlreadyExists), a reservation needs its dataset id, tag
// and owner (Flyte does not check them), and a negative heartbeat interval is rejected.
using System.Globalization;
using Datacatalog;

namespace FlyteSharp.Catalog;

/// <summary>
/// Rejects malformed DataCatalog requests with <see cref="CatalogErrorCode.InvalidArgument"/> before any storage is
/// touched. Used by the embedded store and by the catalog server, so both answer bad input the way Flyte does.
/// </summary>
internal static class CatalogRequestValidator
{
    public static void Validate(CreateDatasetRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Dataset is null)
        {
            throw Missing("dataset");
        }

        ValidateDatasetId(request.Dataset.Id);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var key in request.Dataset.PartitionKeys)
        {
            if (!seen.Add(key))
            {
                throw Invalid($"invalid value for partitionKey, value:[keys are not unique: '{key}' appears more than once]");
            }
        }

        if (request.Dataset.Id.UUID.Length > 0 && !Guid.TryParse(request.Dataset.Id.UUID, out _))
        {
            throw Invalid($"invalid value for UUID, value:[{request.Dataset.Id.UUID}]");
        }
    }

    public static void Validate(GetDatasetRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        ValidateDatasetId(request.Dataset);
    }

    public static void Validate(CreateArtifactRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var artifact = request.Artifact ?? throw Missing("artifact");
        ValidateDatasetId(artifact.Dataset);
        RequireNonEmpty(artifact.Id, "artifactID");
        ValidateArtifactData(artifact.Data);
    }

    public static void Validate(GetArtifactRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        ValidateQueryHandle(
            request.QueryHandleCase == GetArtifactRequest.QueryHandleOneofCase.ArtifactId,
            request.QueryHandleCase == GetArtifactRequest.QueryHandleOneofCase.TagName,
            request.Dataset,
            request.ArtifactId,
            request.TagName);
    }

    public static void Validate(AddTagRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var tag = request.Tag ?? throw Missing("tag");
        ValidateDatasetId(tag.Dataset);
        RequireNonEmpty(tag.Name, "tagName");
        RequireNonEmpty(tag.ArtifactId, "artifactID");
    }

    public static void Validate(ListArtifactsRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        ValidateDatasetId(request.Dataset);
        if (request.Filter is not null)
        {
            foreach (var filter in request.Filter.Filters)
            {
                if (filter.PropertyFilterCase == SinglePropertyFilter.PropertyFilterOneofCase.DatasetFilter)
                {
                    throw Invalid("Artifact cannot be filtered by Dataset properties");
                }

                ValidateArtifactFilter(filter);
            }
        }

        if (request.Pagination is not null)
        {
            ValidatePagination(request.Pagination);
        }
    }

    public static void Validate(ListDatasetsRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Pagination is not null)
        {
            ValidatePagination(request.Pagination);
        }

        if (request.Filter is null)
        {
            return;
        }

        foreach (var filter in request.Filter.Filters)
        {
            switch (filter.PropertyFilterCase)
            {
                case SinglePropertyFilter.PropertyFilterOneofCase.TagFilter:
                    throw Invalid("Dataset cannot be filtered by Tag properties");
                case SinglePropertyFilter.PropertyFilterOneofCase.PartitionFilter:
                    throw Invalid("Dataset cannot be filtered by Partition properties");
                case SinglePropertyFilter.PropertyFilterOneofCase.ArtifactFilter:
                    throw Invalid("Dataset cannot be filtered by Artifact properties");
                case SinglePropertyFilter.PropertyFilterOneofCase.DatasetFilter:
                    ValidateDatasetFilter(filter.DatasetFilter);
                    break;
                default:
                    throw Invalid("a filter must set one of tag_filter, partition_filter, artifact_filter, dataset_filter");
            }
        }
    }

    public static void Validate(UpdateArtifactRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        ValidateQueryHandle(
            request.QueryHandleCase == UpdateArtifactRequest.QueryHandleOneofCase.ArtifactId,
            request.QueryHandleCase == UpdateArtifactRequest.QueryHandleOneofCase.TagName,
            request.Dataset,
            request.ArtifactId,
            request.TagName);
        ValidateArtifactData(request.Data);
    }

    public static void Validate(GetOrExtendReservationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        ValidateReservationId(request.ReservationId);
        RequireNonEmpty(request.OwnerId, "ownerID");
        if (request.HeartbeatInterval is { } interval
            && (interval.Seconds < 0 || interval.Nanos < 0 || interval.Nanos >= 1_000_000_000 || interval.Seconds > 315_576_000_000))
        {
            throw Invalid($"invalid value for heartbeatInterval, value:[{interval}]: it must be a normalized, non-negative duration");
        }
    }

    public static void Validate(ReleaseReservationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        ValidateReservationId(request.ReservationId);
        RequireNonEmpty(request.OwnerId, "ownerID");
    }

    /// <summary>Parses a pagination token (an offset, as Flyte encodes it); empty or blank means 0.</summary>
    public static int ParseToken(string token)
    {
        if (token.Trim(' ').Length == 0)
        {
            return 0;
        }

        // Flyte accepts any uint32 here but then parses the offset as an int32; take the narrower range.
        if (!int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var offset))
        {
            throw Invalid($"Invalid token value: {token}");
        }

        return offset;
    }

    public static void ValidateDatasetId(DatasetID? id)
    {
        if (id is null)
        {
            throw Missing("dataset");
        }

        RequireNonEmpty(id.Project, "project");
        RequireNonEmpty(id.Domain, "domain");
        RequireNonEmpty(id.Name, "name");
        RequireNonEmpty(id.Version, "version");
    }

    private static void ValidateQueryHandle(bool byId, bool byTag, DatasetID? dataset, string artifactId, string tagName)
    {
        if (byId)
        {
            // An artifact id is unique on its own, so the dataset is optional; when given it must be whole.
            if (dataset is not null)
            {
                ValidateDatasetId(dataset);
            }

            RequireNonEmpty(artifactId, "artifactID");
        }
        else if (byTag)
        {
            ValidateDatasetId(dataset);
            RequireNonEmpty(tagName, "tagName");
        }
        else
        {
            throw Missing("one of artifactID/tagName");
        }
    }

    private static void ValidateArtifactData(IEnumerable<ArtifactData> data)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in data)
        {
            if (!names.Add(item.Name))
            {
                throw Invalid($"invalid value for artifactData, value:[the name '{item.Name}' appears more than once]");
            }
        }

        if (names.Count == 0)
        {
            throw Missing("artifactData");
        }
    }

    private static void ValidateArtifactFilter(SinglePropertyFilter filter)
    {
        switch (filter.PropertyFilterCase)
        {
            case SinglePropertyFilter.PropertyFilterOneofCase.TagFilter:
                if (filter.TagFilter.PropertyCase != TagPropertyFilter.PropertyOneofCase.TagName)
                {
                    throw Invalid("a tag filter must set tag_name");
                }

                RequireNonEmpty(filter.TagFilter.TagName, "TagName");
                break;
            case SinglePropertyFilter.PropertyFilterOneofCase.PartitionFilter:
                if (filter.PartitionFilter.PropertyCase != PartitionPropertyFilter.PropertyOneofCase.KeyVal)
                {
                    throw Invalid("a partition filter must set key_val");
                }

                RequireNonEmpty(filter.PartitionFilter.KeyVal.Key, "PartitionKey");
                RequireNonEmpty(filter.PartitionFilter.KeyVal.Value, "PartitionValue");
                break;
            case SinglePropertyFilter.PropertyFilterOneofCase.ArtifactFilter:
                // Flyte's list query builder has no artifact filter and answers InvalidArgument.
                throw Invalid("Artifact cannot be filtered by Artifact properties");
            default:
                throw Invalid("a filter must set one of tag_filter, partition_filter, artifact_filter, dataset_filter");
        }
    }

    private static void ValidateDatasetFilter(DatasetPropertyFilter filter)
    {
        switch (filter.PropertyCase)
        {
            case DatasetPropertyFilter.PropertyOneofCase.Project:
                RequireNonEmpty(filter.Project, "project");
                break;
            case DatasetPropertyFilter.PropertyOneofCase.Domain:
                RequireNonEmpty(filter.Domain, "domain");
                break;
            case DatasetPropertyFilter.PropertyOneofCase.Name:
                RequireNonEmpty(filter.Name, "name");
                break;
            case DatasetPropertyFilter.PropertyOneofCase.Version:
                RequireNonEmpty(filter.Version, "version");
                break;
            default:
                // Flyte 1.16 keys datasets without org and cannot filter by it either.
                throw Invalid("a dataset filter must set one of project, domain, name, version");
        }
    }

    private static void ValidatePagination(PaginationOptions options)
    {
        ParseToken(options.Token);
        if (options.SortKey != PaginationOptions.Types.SortKey.CreationTime)
        {
            throw Invalid($"Invalid sort key {options.SortKey}");
        }

        if (options.SortOrder is not (PaginationOptions.Types.SortOrder.Ascending or PaginationOptions.Types.SortOrder.Descending))
        {
            throw Invalid($"Invalid sort order {options.SortOrder}");
        }
    }

    private static void ValidateReservationId(ReservationID? id)
    {
        if (id is null)
        {
            throw Missing("reservationID");
        }

        ValidateDatasetId(id.DatasetId);
        RequireNonEmpty(id.TagName, "tagName");
    }

    private static void RequireNonEmpty(string value, string field)
    {
        if (value.Length == 0)
        {
            throw Missing(field);
        }
    }

    private static CatalogException Missing(string field) => Invalid("missing " + field);

    private static CatalogException Invalid(string message) => new(CatalogErrorCode.InvalidArgument, message);
}
