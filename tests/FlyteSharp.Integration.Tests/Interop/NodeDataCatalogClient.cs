using System.Diagnostics;
using System.Text.Json.Nodes;
using Datacatalog;
using Google.Protobuf;

namespace FlyteSharp.Integration.Tests.Interop;

/// <summary>
/// Runs <c>node-client/datacatalog-client.mjs</c>, a DataCatalog client made of gRPC for Node and the official Flyte IDL,
/// against one server. Each scenario is one Node process with JSON in and JSON out.
/// </summary>
internal sealed class NodeDataCatalogClient(string endpoint)
{
    private static readonly TimeSpan ScenarioTimeout = TimeSpan.FromSeconds(60);

    /// <summary>CreateDataset, CreateArtifact with output <c>o0</c> = a blob of empty format at <paramref name="blobUri"/>, AddTag.</summary>
    public Task<JsonObject> WriteAsync(DatasetID dataset, string artifactId, string tag, string blobUri, CancellationToken cancellationToken) =>
        RunAsync(
            "write",
            new JsonObject
            {
                ["dataset"] = ToJson(dataset),
                ["artifactId"] = artifactId,
                ["tag"] = tag,
                ["blobUri"] = blobUri,
                ["artifactMetadata"] = new JsonObject { ["written-by"] = "datacatalog-client.mjs" },
            },
            cancellationToken);

    public Task<JsonObject> ReadByTagAsync(DatasetID dataset, string tag, CancellationToken cancellationToken) =>
        RunAsync("read", new JsonObject { ["dataset"] = ToJson(dataset), ["tag"] = tag }, cancellationToken);

    public Task<JsonObject> ReadByIdAsync(DatasetID dataset, string artifactId, CancellationToken cancellationToken) =>
        RunAsync("read", new JsonObject { ["dataset"] = ToJson(dataset), ["artifactId"] = artifactId }, cancellationToken);

    public Task<JsonObject> CreateDatasetAsync(DatasetID dataset, CancellationToken cancellationToken) =>
        RunAsync("create-dataset", new JsonObject { ["dataset"] = ToJson(dataset) }, cancellationToken);

    /// <summary>A proto message in protobuf's JSON mapping, which is also what proto-loader reads and prints here.</summary>
    public static JsonNode ToJson(IMessage message) => JsonNode.Parse(JsonFormatter.Default.Format(message))!;

    private async Task<JsonObject> RunAsync(string scenario, JsonObject input, CancellationToken cancellationToken)
    {
        await NodeInteropProject.EnsureInstalledAsync(cancellationToken);
        var start = new ProcessStartInfo("node")
        {
            ArgumentList =
            {
                NodeInteropProject.ClientScript, scenario,
                "--address", endpoint,
                "--protos", NodeInteropProject.FlyteIdlProtos,
            },
        };
        var outcome = await BoundedProcess.RunAsync(start, input.ToJsonString(), ScenarioTimeout, cancellationToken);
        if (outcome.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"The Node DataCatalog client failed on '{scenario}' (exit code {outcome.ExitCode}): {outcome.StandardError}");
        }

        return JsonNode.Parse(outcome.StandardOutput) as JsonObject
            ?? throw new InvalidOperationException($"The Node DataCatalog client printed no JSON object for '{scenario}': {outcome.StandardOutput}");
    }
}
