using System.Text.Json;
using Datacatalog;
using FlyteSharp.Catalog.Embedded;
using Microsoft.Extensions.Time.Testing;
using static FlyteSharp.Tests.Catalog.CatalogTestData;

namespace FlyteSharp.Tests.Cli;

/// <summary><c>catalog ls | show | evict</c> in process, against a SQLite catalog written through the library.</summary>
public sealed class CatalogCommandsTests : IAsyncLifetime
{
    private static readonly DateTimeOffset FirstRun = new(2026, 3, 1, 10, 0, 0, TimeSpan.Zero);

    private static readonly DatasetID Clean = DatasetId("flyte_task-demo.sales.clean", "1.0-aaaaaaaa-bbbbbbbb");
    private static readonly DatasetID Report = DatasetId("flyte_task-demo.sales.report", "2.0-cccccccc-dddddddd");
    private static readonly DatasetID Other = new() { Project = "other", Domain = "production", Name = "flyte_task-other.task", Version = "3-eeeeeeee-ffffffff" };

    private readonly CliHarness _cli = new();
    private string _db = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Name(DatasetID id) => $"{id.Project}/{id.Domain}/{id.Name}/{id.Version}";

    public async ValueTask InitializeAsync()
    {
        _db = Path.Combine(_cli.Directory, "catalog.db");
        var time = new FakeTimeProvider(FirstRun);
        using var store = new SqliteDataCatalog(_db, time);
        foreach (var dataset in new[] { Clean, Report, Other })
        {
            await store.CreateDatasetAsync(CreateDataset(dataset), Ct);
        }

        await store.CreateArtifactAsync(
            new CreateArtifactRequest { Artifact = Artifact(Clean, "art-1", ("o0", CsvFileLiteral("file:///data/clean.csv")), ("o1", IntegerLiteral(42))) }, Ct);
        await store.AddTagAsync(AddTag(Clean, "flyte_cached-one", "art-1"), Ct);
        await store.AddTagAsync(AddTag(Clean, "flyte_cached-one-again", "art-1"), Ct);
        time.Advance(TimeSpan.FromDays(40));
        await store.CreateArtifactAsync(CreateArtifact(Clean, "art-2", output: 7), Ct);
        await store.AddTagAsync(AddTag(Clean, "flyte_cached-two", "art-2"), Ct);
        await store.CreateArtifactAsync(CreateArtifact(Other, "art-3", output: 3), Ct);
        await store.AddTagAsync(AddTag(Other, "flyte_cached-three", "art-3"), Ct);
    }

    public ValueTask DisposeAsync()
    {
        _cli.Dispose();
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task Ls_lists_every_dataset_in_the_form_the_other_commands_take()
    {
        var run = await CliHarness.RunAsync("catalog", "ls", "--db", _db);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains(Name(Clean), run.Out, StringComparison.Ordinal);
        Assert.Contains(Name(Report), run.Out, StringComparison.Ordinal);
        Assert.Contains(Name(Other), run.Out, StringComparison.Ordinal);
        Assert.Contains("task-version=1.0", run.Out, StringComparison.Ordinal);
        AssertPlain(run.Out);
    }

    [Fact]
    public async Task Ls_with_leading_parts_lists_the_matching_datasets()
    {
        var demo = await CliHarness.RunAsync("catalog", "ls", "--db", _db, "demo");
        var report = await CliHarness.RunAsync("catalog", "ls", "--db", _db, "demo/development/flyte_task-demo.sales.report");

        Assert.Contains(Name(Clean), demo.Out, StringComparison.Ordinal);
        Assert.DoesNotContain(Name(Other), demo.Out, StringComparison.Ordinal);
        Assert.Contains(Name(Report), report.Out, StringComparison.Ordinal);
        Assert.DoesNotContain(Name(Clean), report.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ls_json_prints_one_dataset_id_per_line()
    {
        var run = await CliHarness.RunAsync("catalog", "ls", "--db", _db, "--json");

        Assert.Equal(0, run.ExitCode);
        var names = run.OutLines.Select(line =>
        {
            using var json = JsonDocument.Parse(line);
            var id = json.RootElement;
            return $"{id.GetProperty("project").GetString()}/{id.GetProperty("domain").GetString()}/{id.GetProperty("name").GetString()}/{id.GetProperty("version").GetString()}";
        });
        Assert.Equal(new[] { Name(Clean), Name(Report), Name(Other) }.Order(StringComparer.Ordinal), names.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Ls_of_a_dataset_lists_its_artifacts_with_tags_creation_time_and_outputs()
    {
        var run = await CliHarness.RunAsync("catalog", "ls", "--db", _db, Name(Clean));

        Assert.True(run.ExitCode == 0, run.ToString());
        var first = Assert.Single(run.OutLines, line => line.Contains("art-1", StringComparison.Ordinal));
        Assert.Contains("flyte_cached-one, flyte_cached-one-again", first, StringComparison.Ordinal);
        Assert.Contains("2026-03-01 10:00:00Z", first, StringComparison.Ordinal);
        Assert.Contains("o0, o1", first, StringComparison.Ordinal);
        var second = Assert.Single(run.OutLines, line => line.Contains("art-2", StringComparison.Ordinal));
        Assert.Contains("flyte_cached-two", second, StringComparison.Ordinal);
        Assert.Contains("2026-04-10 10:00:00Z", second, StringComparison.Ordinal);
        AssertPlain(run.Out);
    }

    [Fact]
    public async Task On_a_terminal_tables_get_borders()
    {
        var run = await CliHarness.RunOnTerminalAsync("catalog", "ls", "--db", _db, Name(Clean));

        Assert.Equal(0, run.ExitCode);
        Assert.Contains('│', run.Out);
        Assert.Contains("ARTIFACT", run.Out, StringComparison.Ordinal);
        Assert.Contains("art-1", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ls_json_of_a_dataset_prints_one_artifact_per_line()
    {
        var run = await CliHarness.RunAsync("catalog", "ls", "--db", _db, "--json", Name(Clean));

        Assert.Equal(0, run.ExitCode);
        var artifacts = run.OutLines.Select(line => JsonDocument.Parse(line).RootElement).OrderBy(a => a.GetProperty("id").GetString(), StringComparer.Ordinal).ToList();
        Assert.Equal(2, artifacts.Count);
        Assert.Equal("art-1", artifacts[0].GetProperty("id").GetString());
        Assert.Equal(["flyte_cached-one", "flyte_cached-one-again"], artifacts[0].GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal(["o0", "o1"], artifacts[0].GetProperty("outputs").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal("2026-03-01T10:00:00Z", artifacts[0].GetProperty("createdAt").GetString());
        Assert.Equal(Clean.Name, artifacts[0].GetProperty("dataset").GetProperty("name").GetString());
    }

    [Fact]
    public async Task Ls_of_a_missing_dataset_says_not_found_with_exit_code_1()
    {
        var run = await CliHarness.RunAsync("catalog", "ls", "--db", _db, "demo/development/flyte_task-nope/1");

        Assert.Equal(1, run.ExitCode);
        Assert.Empty(run.Out);
        Assert.StartsWith("error: catalog NotFound", Assert.Single(run.ErrorLines), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_by_tag_prints_the_artifact_with_each_outputs_literal_and_type()
    {
        var run = await CliHarness.RunAsync("catalog", "show", "--db", _db, Name(Clean), "flyte_cached-one");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("art-1 (found by tag)", run.Out, StringComparison.Ordinal);
        Assert.Contains("flyte_cached-one, flyte_cached-one-again", run.Out, StringComparison.Ordinal);
        Assert.Contains("2026-03-01 10:00:00Z", run.Out, StringComparison.Ordinal);
        Assert.Contains("execution-name=run-art-1", run.Out, StringComparison.Ordinal);
        var file = Assert.Single(run.OutLines, line => line.TrimStart().StartsWith("o0", StringComparison.Ordinal));
        Assert.Contains("blob{format:\"csv\"}", file, StringComparison.Ordinal);
        Assert.Contains("\"uri\":\"file:///data/clean.csv\"", file, StringComparison.Ordinal);
        var number = Assert.Single(run.OutLines, line => line.TrimStart().StartsWith("o1", StringComparison.Ordinal));
        Assert.Contains("INTEGER", number, StringComparison.Ordinal);
        Assert.Contains("{\"scalar\":{\"primitive\":{\"integer\":\"42\"}}}", number, StringComparison.Ordinal);
        AssertPlain(run.Out);
    }

    [Fact]
    public async Task Show_by_id_and_as_json()
    {
        var byId = await CliHarness.RunAsync("catalog", "show", "--db", _db, Name(Clean), "art-2");
        var json = await CliHarness.RunAsync("catalog", "show", "--db", _db, "--json", Name(Clean), "flyte_cached-one");

        Assert.Contains("art-2 (found by id)", byId.Out, StringComparison.Ordinal);
        Assert.Equal(0, json.ExitCode);
        using var document = JsonDocument.Parse(Assert.Single(json.OutLines));
        var artifact = document.RootElement;
        Assert.Equal("art-1", artifact.GetProperty("id").GetString());
        Assert.Equal("tag", artifact.GetProperty("foundBy").GetString());
        var outputs = artifact.GetProperty("outputs").EnumerateArray().ToList();
        Assert.Equal("o0", outputs[0].GetProperty("name").GetString());
        Assert.Equal("blob{format:\"csv\"}", outputs[0].GetProperty("type").GetString());
        Assert.Equal("file:///data/clean.csv", outputs[0].GetProperty("literal").GetProperty("scalar").GetProperty("blob").GetProperty("uri").GetString());
        Assert.Equal("42", outputs[1].GetProperty("literal").GetProperty("scalar").GetProperty("primitive").GetProperty("integer").GetString());
    }

    [Fact]
    public async Task Show_of_a_missing_artifact_exits_1_and_of_an_incomplete_dataset_exits_2()
    {
        var missing = await CliHarness.RunAsync("catalog", "show", "--db", _db, Name(Clean), "flyte_cached-nope");
        var incomplete = await CliHarness.RunAsync("catalog", "show", "--db", _db, "demo/development", "flyte_cached-one");

        Assert.Equal(1, missing.ExitCode);
        Assert.Equal($"error: no artifact with tag or id 'flyte_cached-nope' in {Name(Clean)}", Assert.Single(missing.ErrorLines));
        CliAssert.BadInput(incomplete, "show needs a whole dataset");
    }

    [Fact]
    public async Task Evict_by_tag_removes_the_artifact_with_all_its_tags()
    {
        var run = await CliHarness.RunAsync("catalog", "evict", "--db", _db, Name(Clean), "flyte_cached-one");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal($"evicted artifact art-1 (tags: flyte_cached-one, flyte_cached-one-again) from {Name(Clean)}\n", run.Out);
        Assert.Equal(1, (await CliHarness.RunAsync("catalog", "show", "--db", _db, Name(Clean), "flyte_cached-one-again")).ExitCode);
        Assert.Equal(0, (await CliHarness.RunAsync("catalog", "show", "--db", _db, Name(Clean), "flyte_cached-two")).ExitCode);
    }

    [Fact]
    public async Task Evict_by_id_and_of_a_missing_artifact()
    {
        var run = await CliHarness.RunAsync("catalog", "evict", "--db", _db, Name(Clean), "art-2");
        var again = await CliHarness.RunAsync("catalog", "evict", "--db", _db, Name(Clean), "art-2");

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("evicted artifact art-2", run.Out, StringComparison.Ordinal);
        Assert.Equal(1, again.ExitCode);
        Assert.Empty(again.Out);
        Assert.Contains("no artifact with tag or id 'art-2'", Assert.Single(again.ErrorLines), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Evict_of_a_dataset_removes_it_with_its_artifacts()
    {
        var run = await CliHarness.RunAsync("catalog", "evict", "--db", _db, Name(Clean));
        var listed = await CliHarness.RunAsync("catalog", "ls", "--db", _db, "--json");
        var again = await CliHarness.RunAsync("catalog", "evict", "--db", _db, Name(Clean));

        Assert.Equal(0, run.ExitCode);
        Assert.Equal($"evicted dataset {Name(Clean)} with all its artifacts\n", run.Out);
        Assert.Equal(2, listed.OutLines.Length);
        Assert.DoesNotContain(Clean.Name, listed.Out, StringComparison.Ordinal);
        Assert.Equal(1, again.ExitCode);
    }

    [Theory]
    [InlineData("2026-03-15")]
    [InlineData("2026-03-15T00:00:00Z")]
    [InlineData("2026-03-15T01:00:00+01:00")]
    public async Task Evict_older_than_a_date_removes_only_older_artifacts(string date)
    {
        var run = await CliHarness.RunAsync("catalog", "evict", "--db", _db, "--older-than", date);
        var left = await CliHarness.RunAsync("catalog", "ls", "--db", _db, "--json", Name(Clean));

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("evicted 1 artifact(s) created before 2026-03-15T00:00:00Z\n", run.Out);
        Assert.Contains("\"id\":\"art-2\"", Assert.Single(left.OutLines), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Evict_older_than_an_age_counts_back_from_now()
    {
        var db = Path.Combine(_cli.Directory, "ages.db");
        using (var store = new SqliteDataCatalog(db, new FakeTimeProvider(new DateTimeOffset(2001, 1, 1, 0, 0, 0, TimeSpan.Zero))))
        {
            await store.CreateDatasetAsync(CreateDataset(Clean), Ct);
            await store.CreateArtifactAsync(CreateArtifact(Clean, "ancient"), Ct);
        }

        using (var store = new SqliteDataCatalog(db))
        {
            await store.CreateArtifactAsync(CreateArtifact(Clean, "fresh"), Ct);
        }

        var run = await CliHarness.RunAsync("catalog", "evict", "--db", db, "--older-than", "3650d");
        var left = await CliHarness.RunAsync("catalog", "ls", "--db", db, "--json", Name(Clean));

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.StartsWith("evicted 1 artifact(s) created before ", run.Out, StringComparison.Ordinal);
        Assert.Contains("\"id\":\"fresh\"", Assert.Single(left.OutLines), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Evict_through_an_endpoint_is_refused_because_the_DataCatalog_API_has_no_delete()
    {
        var run = await CliHarness.RunAsync("catalog", "evict", "--endpoint", "http://127.0.0.1:1", Name(Clean));

        CliAssert.BadInput(run, "Flyte's DataCatalog API has no delete call");
    }

    [Theory]
    [InlineData("nothing to evict", "catalog", "evict")]
    [InlineData("not both", "catalog", "evict", "--older-than", "1d", "demo/development/x/1")]
    [InlineData("--older-than 'yesterday' is neither an age", "catalog", "evict", "--older-than", "yesterday")]
    [InlineData("--older-than '5w' is neither an age", "catalog", "evict", "--older-than", "5w")]
    [InlineData("evict needs a whole dataset", "catalog", "evict", "demo/development")]
    [InlineData("is not a dataset", "catalog", "ls", "demo//x")]
    public async Task Bad_catalog_arguments_are_bad_input(string expected, params string[] args)
    {
        CliAssert.BadInput(await CliHarness.RunAsync([.. args, "--db", _db]), expected);
    }

    [Fact]
    public async Task The_catalog_must_exist_and_be_a_catalog()
    {
        var missing = Path.Combine(_cli.Directory, "missing.db");
        var notADatabase = _cli.File("text.db", "this is not a SQLite file, just some text that is long enough to have a header");

        CliAssert.BadInput(await CliHarness.RunAsync("catalog", "ls", "--db", missing), $"no catalog at '{missing}': no such file");
        CliAssert.BadInput(await CliHarness.RunAsync("catalog", "show", "--db", notADatabase, Name(Clean), "x"), $"cannot open catalog '{notADatabase}'");
        Assert.False(File.Exists(missing));
    }

    [Theory]
    [InlineData("give either --db or --endpoint, not both", "--db", "x.db", "--endpoint", "http://127.0.0.1:1")]
    [InlineData("--endpoint 'ftp://host' is not an http:// or https:// URL", "--endpoint", "ftp://host")]
    [InlineData("--endpoint 'not a url' is not an http:// or https:// URL", "--endpoint", "not a url")]
    public async Task Bad_endpoints_are_bad_input(string expected, params string[] options)
    {
        CliAssert.BadInput(await CliHarness.RunAsync(["catalog", "ls", .. options]), expected);
    }

    [Fact]
    public async Task An_unreachable_endpoint_is_a_catalog_failure_with_exit_code_3()
    {
        // Nothing listens on the discard port of loopback: the connection is refused at once.
        var run = await CliHarness.RunAsync("catalog", "ls", "--endpoint", "http://127.0.0.1:9");

        Assert.Equal(3, run.ExitCode);
        Assert.Empty(run.Out);
        Assert.StartsWith("error: catalog Unavailable: ", Assert.Single(run.ErrorLines), StringComparison.Ordinal);
    }

    // Redirected output (as here) is plain: no box drawing, no colour escapes.
    private static void AssertPlain(string output)
    {
        Assert.DoesNotContain('\u001b', output);
        Assert.DoesNotContain('│', output);
        Assert.DoesNotContain('─', output);
    }
}
