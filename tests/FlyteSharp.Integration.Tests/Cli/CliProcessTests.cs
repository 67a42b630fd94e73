using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using Datacatalog;
using FlyteSharp.Catalog.Embedded;
using FlyteSharp.Catalog.Grpc;
using FlyteSharp.Integration.Tests.Interop;
using static FlyteSharp.Tests.Catalog.CatalogTestData;

namespace FlyteSharp.Integration.Tests.Cli;

/// <summary>The CLI as users run it: a separate process, real pipes, real signals, and a catalog file written by the library.</summary>
public sealed partial class CliProcessTests : IDisposable
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("flytesharp-cli-process-");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Dataset(DatasetID id) => $"{id.Project}/{id.Domain}/{id.Name}/{id.Version}";

    public void Dispose() => _directory.Delete(recursive: true);

    [Fact]
    public async Task Catalog_serve_announces_its_endpoint_serves_a_gRPC_client_and_exits_cleanly_on_SIGTERM()
    {
        var db = Path.Combine(_directory.FullName, "served.db");
        var start = CliProcess.StartInfo("catalog", "serve", "--db", db, "--listen", "127.0.0.1:0");
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        using var process = Process.Start(start) ?? throw new InvalidOperationException("the CLI did not start");
        var error = process.StandardError.ReadToEndAsync(Ct);
        try
        {
            // The line arrives while the server runs: stdout is flushed at once, not when the process ends.
            var line = await process.StandardOutput.ReadLineAsync(Ct).AsTask().WaitAsync(Limit, Ct);
            var match = ListeningLine().Match(line ?? string.Empty);
            Assert.True(match.Success, $"first line: '{line}'; stderr so far: {(error.IsCompleted ? await error : "(running)")}");
            var endpoint = match.Groups["endpoint"].Value;

            var dataset = DatasetId(name: "flyte_task-cli.served");
            using (var client = new GrpcDataCatalog(new Uri(endpoint)))
            {
                await client.CreateDatasetAsync(CreateDataset(dataset), Ct);
                await client.CreateArtifactAsync(CreateArtifact(dataset, "served-1", output: 5), Ct);
                await client.AddTagAsync(AddTag(dataset, "flyte_cached-served", "served-1"), Ct);
                var read = await client.GetArtifactAsync(ByTag(dataset, "flyte_cached-served"), Ct);
                Assert.Equal(5, read.Artifact.Data.Single().Value.Scalar.Primitive.Integer);
            }

            await CliProcess.TerminateAsync(process, Ct);
            await process.WaitForExitAsync(Ct).WaitAsync(Limit, Ct);

            if (!OperatingSystem.IsWindows())
            {
                Assert.True(process.ExitCode == 0, $"exit {process.ExitCode}; stderr: {await error}");
                Assert.Contains("stopping", await error, StringComparison.Ordinal);
            }

            Assert.Null(await process.StandardOutput.ReadLineAsync(Ct));
            using var store = new SqliteDataCatalog(db);
            Assert.Equal("served-1", (await store.GetArtifactAsync(ByTag(dataset, "flyte_cached-served"), Ct)).Artifact.Id);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }

    [Fact]
    public async Task Ls_show_and_evict_work_on_a_catalog_file_written_by_the_library()
    {
        var db = Path.Combine(_directory.FullName, "catalog.db");
        var dataset = DatasetId(name: "flyte_task-cli.library");
        using (var store = new SqliteDataCatalog(db))
        {
            await store.CreateDatasetAsync(CreateDataset(dataset), Ct);
            await store.CreateArtifactAsync(new CreateArtifactRequest { Artifact = Artifact(dataset, "lib-1", ("o0", CsvFileLiteral("s3://bucket/raw/clean.csv"))) }, Ct);
            await store.AddTagAsync(AddTag(dataset, "flyte_cached-library", "lib-1"), Ct);
        }

        var datasets = await RunAsync("catalog", "ls", "--db", db);
        var artifacts = await RunAsync("catalog", "ls", "--db", db, "--json", Dataset(dataset));
        var shown = await RunAsync("catalog", "show", "--db", db, Dataset(dataset), "flyte_cached-library");
        var evicted = await RunAsync("catalog", "evict", "--db", db, Dataset(dataset), "flyte_cached-library");
        var gone = await RunAsync("catalog", "show", "--db", db, Dataset(dataset), "flyte_cached-library");
        var refused = await RunAsync("catalog", "evict", "--endpoint", "http://127.0.0.1:9", Dataset(dataset));

        Assert.Equal(0, datasets.ExitCode);
        Assert.Equal(["DATASET", Dataset(dataset)], datasets.StandardOutput.TrimEnd().Split('\n').Select(row => row.Split("  ")[0].Trim()));
        Assert.Contains("\"id\":\"lib-1\"", artifacts.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("\"tags\":[\"flyte_cached-library\"]", artifacts.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(0, shown.ExitCode);
        Assert.Contains("blob{format:\"csv\"}", shown.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("s3://bucket/raw/clean.csv", shown.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', shown.StandardOutput);
        Assert.Equal(0, evicted.ExitCode);
        Assert.StartsWith("evicted artifact lib-1", evicted.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(1, gone.ExitCode);
        Assert.Equal(2, refused.ExitCode);
        Assert.StartsWith("error: evict works on the embedded catalog file only", refused.StandardError, StringComparison.Ordinal);
        Assert.Empty(refused.StandardOutput);
    }

    [Fact]
    public async Task Pb_base64_streams_through_real_pipes_one_line_out_per_line_in()
    {
        // The empty LiteralMap (an empty line) and {"1": 1, "2": 2}, alternating, with one bad line in the middle.
        const string EmptyMapTag = "flyte_cached-GKw-c0PwFokMUQ6T-TUmEWnZ4_VlQ2Qpgw-vCTT0-OQ";
        const string IntsTag = "flyte_cached-GQid5LjHbakcW68DS3P2jp80QLbiF0olFHF2hTh5bg8";
        const int Lines = 20_000;
        var input = new StringBuilder();
        for (var i = 0; i < Lines; i++)
        {
            input.Append(i == Lines / 2 ? "*" : i % 2 == 0 ? string.Empty : "CgsKATESBgoECgIIAQoLCgEyEgYKBAoCCAI=").Append('\n');
        }

        var run = await BoundedProcess.RunAsync(CliProcess.StartInfo("cache-key", "tag", "--format", "pb-base64"), input.ToString(), Limit, Ct);

        Assert.Equal(2, run.ExitCode);
        var output = run.StandardOutput.TrimEnd('\n').Split('\n');
        Assert.Equal(Lines, output.Length);
        for (var i = 0; i < Lines; i++)
        {
            Assert.Equal(i == Lines / 2 ? $"error: line {i + 1}: not base64" : i % 2 == 0 ? EmptyMapTag : IntsTag, output[i]);
        }

        Assert.Equal($"error: 1 of {Lines} lines failed", run.StandardError.Trim());
    }

    [Fact]
    public async Task Bad_arguments_exit_2_with_one_line_on_stderr()
    {
        var run = await RunAsync("cache-key", "tag", "--format", "pb", Path.Combine(_directory.FullName, "missing.pb"));

        Assert.Equal(2, run.ExitCode);
        Assert.Empty(run.StandardOutput);
        Assert.Single(run.StandardError.TrimEnd().Split('\n'));
        Assert.Contains("no such file", run.StandardError, StringComparison.Ordinal);
    }

    private static Task<ProcessOutcome> RunAsync(params string[] args) => BoundedProcess.RunAsync(CliProcess.StartInfo(args), string.Empty, Limit, Ct);

    [GeneratedRegex(@"^listening on (?<endpoint>http://127\.0\.0\.1:[1-9][0-9]*)$")]
    private static partial Regex ListeningLine();
}
