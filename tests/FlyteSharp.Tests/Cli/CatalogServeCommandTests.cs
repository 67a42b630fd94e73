using Datacatalog;
using FlyteSharp.Catalog.Embedded;
using FlyteSharp.Catalog.Grpc;
using FlyteSharp.Cli;
using static FlyteSharp.Tests.Catalog.CatalogTestData;

namespace FlyteSharp.Tests.Cli;

/// <summary><c>catalog serve</c> in process (stopped by cancellation; tests/FlyteSharp.Integration.Tests stops a real process with SIGTERM).</summary>
public sealed class CatalogServeCommandTests : IDisposable
{
    private readonly CliHarness _cli = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Serve_prints_the_endpoint_once_it_accepts_calls_and_stops_cleanly()
    {
        var db = Path.Combine(_cli.Directory, "served.db");
        var output = new ListeningLineWriter();
        var error = new StringWriter();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var serving = FlyteSharpCli.RunAsync(["catalog", "serve", "--db", db, "--listen", "127.0.0.1:0"], new CliConsole(new MemoryStream(), output, error), stop.Token);

        var endpoint = await output.Endpoint.WaitAsync(TimeSpan.FromSeconds(30), Ct);
        Assert.Matches(@"^http://127\.0\.0\.1:[1-9][0-9]*$", endpoint);

        // What a client writes through the server lands in the file, and the CLI reads it back through the server.
        using (var client = new GrpcDataCatalog(new Uri(endpoint)))
        {
            await client.CreateDatasetAsync(CreateDataset(DatasetId()), Ct);
            await client.CreateArtifactAsync(CreateArtifact(DatasetId(), "served-1"), Ct);
            await client.AddTagAsync(AddTag(DatasetId(), "flyte_cached-served", "served-1"), Ct);
        }

        var listed = await CliHarness.RunAsync("catalog", "ls", "--endpoint", endpoint, "--json");
        var shown = await CliHarness.RunAsync("catalog", "show", "--endpoint", endpoint, $"demo/development/{DatasetId().Name}/{DatasetId().Version}", "flyte_cached-served");
        var evict = await CliHarness.RunAsync("catalog", "evict", "--endpoint", endpoint, $"demo/development/{DatasetId().Name}/{DatasetId().Version}");

        Assert.Contains(DatasetId().Name, Assert.Single(listed.OutLines), StringComparison.Ordinal);
        Assert.Contains("served-1 (found by tag)", shown.Out, StringComparison.Ordinal);
        Assert.Equal(2, evict.ExitCode);

        await stop.CancelAsync();
        var exitCode = await serving.WaitAsync(TimeSpan.FromSeconds(30), Ct);

        Assert.Equal(0, exitCode);
        Assert.Equal(["listening on " + endpoint], output.Lines);
        Assert.Contains("stopping", error.ToString(), StringComparison.Ordinal);
        using var store = new SqliteDataCatalog(db);
        var artifact = await store.GetArtifactAsync(ByTag(DatasetId(), "flyte_cached-served"), Ct);
        Assert.Equal("served-1", artifact.Artifact.Id);
    }

    [Theory]
    [InlineData("127.0.0.1", "expected HOST:PORT")]
    [InlineData("example.com:80", "is not an IP address")]
    [InlineData("https://127.0.0.1:8089", "plaintext HTTP/2 only")]
    [InlineData("127.0.0.1:70000", "is not a port")]
    public async Task A_bad_listen_address_is_bad_input(string listen, string expected)
    {
        var run = await CliHarness.RunAsync("catalog", "serve", "--db", Path.Combine(_cli.Directory, "x.db"), "--listen", listen);

        CliAssert.BadInput(run, expected);
        Assert.False(File.Exists(Path.Combine(_cli.Directory, "x.db")));
    }

    [Fact]
    public async Task A_port_in_use_is_one_line_and_exit_code_2()
    {
        using var taken = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        taken.Start();
        var port = ((System.Net.IPEndPoint)taken.LocalEndpoint).Port;

        var run = await CliHarness.RunAsync("catalog", "serve", "--db", Path.Combine(_cli.Directory, "x.db"), "--listen", $"127.0.0.1:{port}");

        CliAssert.BadInput(run, port.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>Standard output that completes <see cref="Endpoint"/> when the server announces itself.</summary>
    private sealed class ListeningLineWriter : StringWriter
    {
        private const string Prefix = "listening on ";
        private readonly TaskCompletionSource<string> _endpoint = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly List<string> _lines = [];

        public Task<string> Endpoint => _endpoint.Task;

        public IReadOnlyList<string> Lines
        {
            get
            {
                lock (_lines)
                {
                    return [.. _lines];
                }
            }
        }

        public override void WriteLine(string? value)
        {
            lock (_lines)
            {
                _lines.Add(value ?? string.Empty);
            }

            if (value is not null && value.StartsWith(Prefix, StringComparison.Ordinal))
            {
                _endpoint.TrySetResult(value[Prefix.Length..]);
            }
        }

        public override Task WriteLineAsync(string? value)
        {
            WriteLine(value);
            return Task.CompletedTask;
        }
    }
}
