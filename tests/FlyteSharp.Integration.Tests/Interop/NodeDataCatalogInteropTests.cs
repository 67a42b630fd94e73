using System.Text.Json.Nodes;
using Datacatalog;
using Flyteidl.Core;
using FlyteSharp.Catalog.Embedded;
using FlyteSharp.Catalog.Grpc;
using FlyteSharp.Catalog.Server;
using Google.Protobuf;
using static FlyteSharp.Tests.Catalog.CatalogTestData;

namespace FlyteSharp.Integration.Tests.Interop;

/// <summary>
/// FlyteSharp's DataCatalog server against a client nobody here wrote: gRPC for Node with the official Flyte IDL
/// (<see cref="NodeDataCatalogClient"/>). Entries written by either side read back unchanged on the other.
/// </summary>
public sealed class NodeDataCatalogInteropTests : IAsyncLifetime
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("flytesharp-interop-");
    private SqliteDataCatalog _store = null!;
    private CatalogServer _server = null!;
    private GrpcDataCatalog _catalog = null!;
    private NodeDataCatalogClient _node = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        await NodeInteropProject.EnsureInstalledAsync(Ct);
        _store = new SqliteDataCatalog(Path.Combine(_directory.FullName, "catalog.db"));
        _server = await CatalogServer.StartAsync(_store, cancellationToken: Ct);
        _catalog = new GrpcDataCatalog(new Uri(_server.Endpoint));
        _node = new NodeDataCatalogClient(_server.Endpoint);
    }

    public async ValueTask DisposeAsync()
    {
        _catalog?.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        _store?.Dispose();
        _directory.Delete(recursive: true);
    }

    [Fact]
    public async Task A_blob_of_empty_format_written_by_Node_reads_back_byte_for_byte_through_the_CSharp_client_and_the_store()
    {
        var dataset = DatasetId(name: "flyte_task-interop.node.writer");
        const string Uri = "s3://flyte-bucket/metadata/node/o0.parquet";

        var written = await _node.WriteAsync(dataset, "node-artifact-1", "flyte_cached-NodeTag", Uri, Ct);

        Assert.True((bool)written["ok"]!, written.ToJsonString());
        Assert.Equal(["CreateDataset", "CreateArtifact", "AddTag"], written["steps"]!.AsArray().Select(step => (string)step!["call"]!));
        var sentRequest = Convert.FromBase64String((string)written["createArtifactRequest"]!);
        // The literal exactly as Node encoded it, cut out of the request's bytes without decoding and re-encoding.
        var sentArtifact = FirstLengthDelimitedField(sentRequest, CreateArtifactRequest.ArtifactFieldNumber);
        var sentLiteral = FirstLengthDelimitedField(FirstLengthDelimitedField(sentArtifact, Datacatalog.Artifact.DataFieldNumber), ArtifactData.ValueFieldNumber);
        var blob = Literal.Parser.ParseFrom(sentLiteral).Scalar.Blob;
        Assert.Equal(Uri, blob.Uri);
        Assert.NotNull(blob.Metadata.Type);
        Assert.Equal(string.Empty, blob.Metadata.Type.Format);

        var viaGrpc = (await _catalog.GetArtifactAsync(ByTag(dataset, "flyte_cached-NodeTag"), Ct)).Artifact;
        var viaStore = (await _store.GetArtifactAsync(ByTag(dataset, "flyte_cached-NodeTag"), Ct)).Artifact;

        foreach (var artifact in (Datacatalog.Artifact[])[viaGrpc, viaStore])
        {
            Assert.Equal("node-artifact-1", artifact.Id);
            var data = Assert.Single(artifact.Data);
            Assert.Equal("o0", data.Name);
            Assert.Equal(sentLiteral, data.Value.ToByteArray());
            Assert.Equal("datacatalog-client.mjs", artifact.Metadata.KeyMap["written-by"]);
            Assert.Equal(["flyte_cached-NodeTag"], artifact.Tags.Select(tag => tag.Name));
        }
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task An_artifact_written_by_the_CSharp_client_reads_back_in_Node_with_the_same_values(bool byTag)
    {
        var dataset = DatasetId(name: "flyte_task-interop.csharp.writer");
        (string Name, Literal Value)[] outputs =
        [
            ("o0", IntegerLiteral(42)),
            ("o1", StringLiteral("café ✓ \"quoted\"")),
            ("o2", new Literal { Scalar = new Scalar { Primitive = new Primitive { FloatValue = 2.5 } } }),
            ("o3", new Literal { Scalar = new Scalar { Primitive = new Primitive { Boolean = true } } }),
            ("o4", Blob("s3://bucket/parts/", "CSV", BlobType.Types.BlobDimensionality.Multipart)),
            ("o5", Blob("s3://bucket/any.bin", string.Empty, BlobType.Types.BlobDimensionality.Single)),
            ("o6", new Literal { Collection = new LiteralCollection { Literals = { IntegerLiteral(long.MaxValue), IntegerLiteral(-1) } } }),
            ("o7", new Literal { Map = new LiteralMap { Literals = { ["a"] = StringLiteral("x"), ["b"] = new Literal { Scalar = new Scalar { NoneType = new Flyteidl.Core.Void() } } } } }),
        ];
        await _catalog.CreateDatasetAsync(CreateDataset(dataset), Ct);
        await _catalog.CreateArtifactAsync(new CreateArtifactRequest { Artifact = Artifact(dataset, "csharp-artifact-1", outputs) }, Ct);
        await _catalog.AddTagAsync(AddTag(dataset, "flyte_cached-CSharpTag", "csharp-artifact-1"), Ct);

        var read = byTag
            ? await _node.ReadByTagAsync(dataset, "flyte_cached-CSharpTag", Ct)
            : await _node.ReadByIdAsync(dataset, "csharp-artifact-1", Ct);

        Assert.True((bool)read["ok"]!, read.ToJsonString());
        var artifact = read["artifact"]!.AsObject();
        var data = artifact["data"]!.AsArray();
        Assert.Equal(outputs.Select(output => output.Name), data.Select(entry => (string)entry!["name"]!));
        foreach (var ((_, written), entry) in outputs.Zip(data))
        {
            AssertSameJson(NodeDataCatalogClient.ToJson(written), entry!["value"]);
        }

        // Every other field too, as this process reads the same artifact; only the timestamp's JSON shapes differ.
        var mine = (await _catalog.GetArtifactAsync(ByTag(dataset, "flyte_cached-CSharpTag"), Ct)).Artifact;
        var nodeCreatedAt = artifact["createdAt"]!;
        Assert.Equal(mine.CreatedAt.Seconds.ToString(System.Globalization.CultureInfo.InvariantCulture), (string?)nodeCreatedAt["seconds"]);
        Assert.Equal(mine.CreatedAt.Nanos, (int?)nodeCreatedAt["nanos"] ?? 0);
        var expected = NodeDataCatalogClient.ToJson(mine).AsObject();
        expected.Remove("createdAt");
        artifact.Remove("createdAt");
        AssertSameJson(expected, artifact);
        Assert.Equal("flyte_cached-CSharpTag", (string)artifact["tags"]![0]!["name"]!);
        Assert.Equal(dataset.Name, (string)artifact["dataset"]!["name"]!);
    }

    [Fact]
    public async Task Node_sees_NotFound_for_a_missing_tag()
    {
        var dataset = DatasetId(name: "flyte_task-interop.missing");
        var noDataset = await _node.ReadByTagAsync(dataset, "flyte_cached-Nothing", Ct);
        await _catalog.CreateDatasetAsync(CreateDataset(dataset), Ct);
        var noTag = await _node.ReadByTagAsync(dataset, "flyte_cached-Nothing", Ct);

        foreach (var result in (JsonObject[])[noDataset, noTag])
        {
            Assert.False((bool)result["ok"]!, result.ToJsonString());
            Assert.Equal("NOT_FOUND", (string?)result["code"]);
        }
    }

    [Fact]
    public async Task Node_sees_AlreadyExists_for_a_duplicate_dataset()
    {
        var byCSharp = DatasetId(name: "flyte_task-interop.csharp.dataset");
        var byNode = DatasetId(name: "flyte_task-interop.node.dataset");
        await _catalog.CreateDatasetAsync(CreateDataset(byCSharp), Ct);

        var duplicateOfCSharp = await _node.CreateDatasetAsync(byCSharp, Ct);
        var first = await _node.CreateDatasetAsync(byNode, Ct);
        var duplicateOfNode = await _node.CreateDatasetAsync(byNode, Ct);

        Assert.True((bool)first["ok"]!, first.ToJsonString());
        foreach (var result in (JsonObject[])[duplicateOfCSharp, duplicateOfNode])
        {
            Assert.False((bool)result["ok"]!, result.ToJsonString());
            Assert.Equal("ALREADY_EXISTS", (string?)result["code"]);
        }
    }

    [Fact]
    public async Task Node_sees_InvalidArgument_with_Flytes_wording_for_a_dataset_without_a_project()
    {
        var dataset = DatasetId();
        dataset.Project = string.Empty;

        var result = await _node.CreateDatasetAsync(dataset, Ct);

        Assert.False((bool)result["ok"]!, result.ToJsonString());
        Assert.Equal("INVALID_ARGUMENT", (string?)result["code"]);
        Assert.Equal("missing project", (string?)result["details"]);
    }

    private static Literal Blob(string uri, string format, BlobType.Types.BlobDimensionality dimensionality) => new()
    {
        Scalar = new Scalar
        {
            Blob = new Blob { Uri = uri, Metadata = new BlobMetadata { Type = new BlobType { Format = format, Dimensionality = dimensionality } } },
        },
    };

    private static void AssertSameJson(JsonNode? expected, JsonNode? actual) =>
        Assert.True(JsonNode.DeepEquals(expected, actual), $"expected {expected?.ToJsonString()}\n  actual {actual?.ToJsonString()}");

    /// <summary>The raw bytes of the first length-delimited field <paramref name="number"/>: what the sender encoded, not a re-encoding.</summary>
    private static byte[] FirstLengthDelimitedField(byte[] message, int number)
    {
        var input = new CodedInputStream(message);
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            if (WireFormat.GetTagFieldNumber(tag) == number && WireFormat.GetTagWireType(tag) == WireFormat.WireType.LengthDelimited)
            {
                return input.ReadBytes().ToByteArray();
            }

            input.SkipLastField();
        }

        throw new InvalidOperationException($"The message has no length-delimited field {number}.");
    }
}
