using Datacatalog;
using Flyteidl.Core;
using Google.Protobuf.WellKnownTypes;

namespace FlyteSharp.Tests.Catalog;

/// <summary>Builders for DataCatalog requests in tests; every value says what it is.</summary>
internal static class CatalogTestData
{
    public static DatasetID DatasetId(string name = "flyte_task-demo.sales.clean", string version = "1.0-GKw-c0Pw-GKw-c0Pw") =>
        new() { Project = "demo", Domain = "development", Name = name, Version = version };

    public static CreateDatasetRequest CreateDataset(DatasetID id, params string[] partitionKeys)
    {
        var dataset = new Dataset { Id = id.Clone(), Metadata = new Datacatalog.Metadata() };
        dataset.Metadata.KeyMap.Add("task-version", "1.0");
        dataset.PartitionKeys.AddRange(partitionKeys);
        return new CreateDatasetRequest { Dataset = dataset };
    }

    public static Literal IntegerLiteral(long value) =>
        new() { Scalar = new Scalar { Primitive = new Primitive { Integer = value } } };

    public static Literal StringLiteral(string value) =>
        new() { Scalar = new Scalar { Primitive = new Primitive { StringValue = value } } };

    public static Literal CsvFileLiteral(string uri) => new()
    {
        Scalar = new Scalar
        {
            Blob = new Blob
            {
                Uri = uri,
                Metadata = new BlobMetadata { Type = new BlobType { Format = "csv", Dimensionality = BlobType.Types.BlobDimensionality.Single } },
            },
        },
    };

    public static Artifact Artifact(DatasetID dataset, string id, params (string Name, Literal Value)[] outputs)
    {
        var artifact = new Artifact { Id = id, Dataset = dataset.Clone(), Metadata = new Datacatalog.Metadata() };
        artifact.Metadata.KeyMap.Add("execution-name", "run-" + id);
        foreach (var (name, value) in outputs)
        {
            artifact.Data.Add(new ArtifactData { Name = name, Value = value });
        }

        return artifact;
    }

    public static CreateArtifactRequest CreateArtifact(DatasetID dataset, string id, long output = 42) =>
        new() { Artifact = Artifact(dataset, id, ("o0", IntegerLiteral(output))) };

    public static AddTagRequest AddTag(DatasetID dataset, string tag, string artifactId) =>
        new() { Tag = new Tag { Dataset = dataset.Clone(), Name = tag, ArtifactId = artifactId } };

    public static GetArtifactRequest ByTag(DatasetID dataset, string tag) => new() { Dataset = dataset.Clone(), TagName = tag };

    public static GetArtifactRequest ById(DatasetID? dataset, string artifactId) => new() { Dataset = dataset?.Clone(), ArtifactId = artifactId };

    public static GetOrExtendReservationRequest Reserve(DatasetID dataset, string tag, string owner, TimeSpan heartbeat) => new()
    {
        ReservationId = new ReservationID { DatasetId = dataset.Clone(), TagName = tag },
        OwnerId = owner,
        HeartbeatInterval = Duration.FromTimeSpan(heartbeat),
    };

    public static ReleaseReservationRequest Release(DatasetID dataset, string tag, string owner) => new()
    {
        ReservationId = new ReservationID { DatasetId = dataset.Clone(), TagName = tag },
        OwnerId = owner,
    };
}
