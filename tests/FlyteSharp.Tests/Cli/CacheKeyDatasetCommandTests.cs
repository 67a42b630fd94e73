using System.Text.Json;
using Flyteidl.Core;
using FlyteSharp.Tests.Caching;
using Google.Protobuf;

namespace FlyteSharp.Tests.Cli;

public sealed class CacheKeyDatasetCommandTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public static TheoryData<string> DatasetVectors =>
        new(GoldenVectors.Vectors.Where(v => v.Kind == "dataset_version" && !v.ExpectedError).Select(v => v.Name));

    public void Dispose() => _cli.Dispose();

    [Theory]
    [MemberData(nameof(DatasetVectors))]
    public async Task Pb_and_json_inputs_give_the_golden_dataset_version(string name)
    {
        var vector = GoldenVectors.Get(name);
        var pb = _cli.File("interface.pb", vector.InputBytes);
        var json = _cli.File("interface.json", vector.InputJson!.Value.GetRawText());

        var fromPb = await CliHarness.RunAsync("cache-key", "dataset", "--cache-version", vector.CacheVersion!, "--format", "pb", pb);
        var fromJson = await CliHarness.RunAsync("cache-key", "dataset", "--cache-version", vector.CacheVersion!, json);

        Assert.True(fromPb.ExitCode == 0, fromPb.ToString());
        Assert.Equal(vector.Expected + "\n", fromPb.Out);
        Assert.Equal(vector.Expected + "\n", fromJson.Out);
    }

    [Fact]
    public async Task Pb_base64_answers_every_line_including_bad_ones()
    {
        var vectors = GoldenVectors.Vectors.Where(v => v.Kind == "dataset_version" && !v.ExpectedError && v.CacheVersion == "1.0").ToList();
        var input = string.Join("\n", vectors.Select(v => v.InputPbBase64).Append("not base64!")) + "\n";

        var run = await CliHarness.RunWithInputAsync(input, "cache-key", "dataset", "--cache-version", "1.0", "--format", "pb-base64", "-");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal([.. vectors.Select(v => v.Expected!), $"error: line {vectors.Count + 1}: not base64"], run.OutLines);
        Assert.Equal($"error: 1 of {vectors.Count + 1} lines failed", Assert.Single(run.ErrorLines));
    }

    [Fact]
    public async Task Strip_removes_what_a_registered_interface_carries_before_hashing()
    {
        var vector = GoldenVectors.Get("dv_upstream_two_integers");
        var registered = TypedInterface.Parser.ParseFrom(vector.InputBytes);
        foreach (var variable in registered.Inputs.Variables.Values)
        {
            variable.Description = "an input with a description";
            variable.Type.Metadata = new Google.Protobuf.WellKnownTypes.Struct { Fields = { ["origin"] = Google.Protobuf.WellKnownTypes.Value.ForString("registration") } };
        }

        var file = _cli.File("registered.pb", registered.ToByteArray());

        var raw = await CliHarness.RunAsync("cache-key", "dataset", "--cache-version", vector.CacheVersion!, "--format", "pb", file);
        var stripped = await CliHarness.RunAsync("cache-key", "dataset", "--cache-version", vector.CacheVersion!, "--format", "pb", "--strip", file);

        Assert.Equal(0, raw.ExitCode);
        Assert.NotEqual(vector.Expected + "\n", raw.Out);
        Assert.StartsWith(vector.CacheVersion + "-", raw.Out, StringComparison.Ordinal);
        Assert.Equal(vector.Expected + "\n", stripped.Out);
    }

    [Fact]
    public async Task With_a_task_it_prints_the_dataset_id_as_one_json_line()
    {
        var vector = GoldenVectors.Get("dv_all_simple_types");
        var file = _cli.File("interface.pb", vector.InputBytes);

        var run = await CliHarness.RunAsync(
            "cache-key", "dataset", "--cache-version", "  " + vector.CacheVersion + " ", "--task", "demo.sales.clean", "--project", "demo", "--domain", "development", "--format", "pb", file);

        Assert.True(run.ExitCode == 0, run.ToString());
        var line = Assert.Single(run.OutLines);
        using var id = JsonDocument.Parse(line);
        Assert.Equal(["project", "domain", "name", "version"], id.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal("demo", id.RootElement.GetProperty("project").GetString());
        Assert.Equal("development", id.RootElement.GetProperty("domain").GetString());
        Assert.Equal("flyte_task-demo.sales.clean", id.RootElement.GetProperty("name").GetString());
        Assert.Equal(vector.Expected, id.RootElement.GetProperty("version").GetString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task An_empty_cache_version_is_bad_input(string cacheVersion)
    {
        var vector = GoldenVectors.Get("dv_cache_version_empty");
        var file = _cli.File("interface.pb", vector.InputBytes);

        var run = await CliHarness.RunAsync("cache-key", "dataset", "--cache-version", cacheVersion, "--format", "pb", file);

        Assert.True(vector.ExpectedError);
        CliAssert.BadInput(run, "is empty after trimming spaces");
    }

    [Fact]
    public async Task An_empty_cache_version_fails_before_any_pb_base64_line_is_read()
    {
        var run = await CliHarness.RunWithInputAsync("CgA=\nCgA=\n", "cache-key", "dataset", "--cache-version", " ", "--format", "pb-base64");

        CliAssert.BadInput(run, "is empty after trimming spaces");
    }

    [Theory]
    [InlineData("--project", "demo")]
    [InlineData("--domain", "development")]
    public async Task Project_and_domain_need_a_task(string option, string value)
    {
        CliAssert.BadInput(await CliHarness.RunWithInputAsync("{}", "cache-key", "dataset", "--cache-version", "1", option, value), "need --task");
    }

    [Fact]
    public async Task A_task_needs_project_and_domain()
    {
        CliAssert.BadInput(await CliHarness.RunWithInputAsync("{}", "cache-key", "dataset", "--cache-version", "1", "--task", "t", "--project", "demo"), "--task needs --project and --domain");
    }

    [Fact]
    public async Task Bad_inputs_are_one_line_and_exit_code_2()
    {
        CliAssert.BadInput(await CliHarness.RunAsync("cache-key", "dataset", "--cache-version", "1", Path.Combine(_cli.Directory, "nope.pb")), "no such file");
        CliAssert.BadInput(await CliHarness.RunWithInputAsync("{\"inputs\": 3}", "cache-key", "dataset", "--cache-version", "1"), "not valid proto3 JSON for flyteidl.core.TypedInterface");
        CliAssert.BadInput(await CliHarness.RunWithInputAsync("{}", "cache-key", "dataset"), "'--cache-version' is required");
        CliAssert.BadInput(await CliHarness.RunWithInputAsync("{}", "cache-key", "dataset", "--cache-version", "1", "--format", "yaml"), "unknown --format 'yaml'");
    }
}
