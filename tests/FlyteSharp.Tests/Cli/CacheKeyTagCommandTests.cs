using System.Text;
using Flyteidl.Core;
using FlyteSharp.Hashing;
using FlyteSharp.Tests.Caching;
using Google.Protobuf;

namespace FlyteSharp.Tests.Cli;

public sealed class CacheKeyTagCommandTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public static TheoryData<string> TagVectors => new(GoldenVectors.Vectors.Where(v => v.Kind == "tag" && !v.ExpectedError).Select(v => v.Name));

    public static TheoryData<string> TagVectorsWithJson =>
        new(GoldenVectors.Vectors.Where(v => v.Kind == "tag" && !v.ExpectedError && v.InputJson is not null).Select(v => v.Name));

    public void Dispose() => _cli.Dispose();

    [Theory]
    [MemberData(nameof(TagVectorsWithJson))]
    public async Task Json_input_gives_the_golden_tag(string name)
    {
        var vector = GoldenVectors.Get(name);
        var file = _cli.File("inputs.json", vector.InputJson!.Value.GetRawText());

        var run = await CliHarness.RunAsync([.. IgnoreArguments(vector), file]);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(vector.Expected + "\n", run.Out);
        Assert.Empty(run.Error);
    }

    [Theory]
    [MemberData(nameof(TagVectors))]
    public async Task Pb_input_gives_the_golden_tag(string name)
    {
        var vector = GoldenVectors.Get(name);
        var file = _cli.File("inputs.pb", vector.InputBytes);

        var run = await CliHarness.RunAsync([.. IgnoreArguments(vector), "--format", "pb", file]);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(vector.Expected + "\n", run.Out);
    }

    [Fact]
    public async Task Standard_input_is_read_for_a_dash_or_no_file()
    {
        var vector = GoldenVectors.Get("tag_realistic_training_task");

        var pb = await CliHarness.RunAsync(["cache-key", "tag", "--format", "pb", "-"], vector.InputBytes, cancellationToken: TestContext.Current.CancellationToken);
        var json = await CliHarness.RunWithInputAsync(vector.InputJson!.Value.GetRawText(), "cache-key", "tag");

        Assert.Equal(vector.Expected + "\n", pb.Out);
        Assert.Equal(vector.Expected + "\n", json.Out);
    }

    [Fact]
    public async Task Ignored_inputs_may_be_comma_separated_or_repeated()
    {
        var vector = GoldenVectors.Get("tag_upstream_ints_1_2");
        var threeInputs = GoldenVectors.Get("tag_upstream_ignore_3");
        var withExtra = LiteralMap.Parser.ParseFrom(threeInputs.InputBytes);
        withExtra.Literals.Add("4", withExtra.Literals["3"]);
        var file = _cli.File("inputs.pb", withExtra.ToByteArray());

        var commaSeparated = await CliHarness.RunAsync("cache-key", "tag", "--format", "pb", "--ignore", "3,4", file);
        var repeated = await CliHarness.RunAsync("cache-key", "tag", "--format", "pb", "--ignore", "3", "--ignore", "4", file);
        var notIgnored = await CliHarness.RunAsync("cache-key", "tag", "--format", "pb", "--ignore", "3", file);

        Assert.Equal(vector.Expected + "\n", commaSeparated.Out);
        Assert.Equal(vector.Expected + "\n", repeated.Out);
        Assert.NotEqual(vector.Expected + "\n", notIgnored.Out);
    }

    [Fact]
    public async Task A_value_Flyte_cannot_hash_is_one_error_line_and_exit_code_2()
    {
        var vector = GoldenVectors.Get("tag_datetime_error_negative_nanos");
        var file = _cli.File("inputs.pb", vector.InputBytes);

        var run = await CliHarness.RunAsync("cache-key", "tag", "--format", "pb", file);

        CliAssert.BadInput(run, "nanos");
    }

    [Fact]
    public async Task Pb_base64_answers_every_line_with_its_golden_tag()
    {
        var vectors = GoldenVectors.Vectors.Where(v => v.Kind == "tag" && !v.ExpectedError && v.IgnoreVars is not { Count: > 0 }).ToList();
        var input = string.Join("\n", vectors.Select(v => v.InputPbBase64)) + "\n";

        var run = await CliHarness.RunWithInputAsync(input, "cache-key", "tag", "--format", "pb-base64");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(vectors.Select(v => v.Expected!), run.OutLines);
        Assert.Empty(run.Error);
    }

    [Fact]
    public async Task Pb_base64_with_bad_lines_still_answers_exactly_one_line_per_input_line_and_exits_2()
    {
        var good = GoldenVectors.Get("tag_int_one");
        var unhashable = GoldenVectors.Get("tag_datetime_error_negative_nanos");
        var notAMessage = Convert.ToBase64String([0x00, 0x01, 0x02]);
        string[] lines = [good.InputPbBase64, "%%% not base64 %%%", good.InputPbBase64, unhashable.InputPbBase64, notAMessage, good.InputPbBase64 + "\r"];
        var file = _cli.File("inputs.txt", string.Join("\n", lines) + "\n");

        var run = await CliHarness.RunAsync("cache-key", "tag", "--format", "pb-base64", file);

        Assert.Equal(2, run.ExitCode);
        Assert.Collection(
            run.OutLines,
            line => Assert.Equal(good.Expected, line),
            line => Assert.Equal("error: line 2: not base64", line),
            line => Assert.Equal(good.Expected, line),
            line => Assert.Matches("^error: line 4: .*nanos", line),
            line => Assert.StartsWith("error: line 5: not a binary flyteidl.core.LiteralMap", line, StringComparison.Ordinal),
            line => Assert.Equal(good.Expected, line));
        Assert.Equal("error: 3 of 6 lines failed", Assert.Single(run.ErrorLines));
    }

    [Fact]
    public async Task Pb_base64_streams_thousands_of_lines_in_one_run()
    {
        var vectors = GoldenVectors.Vectors.Where(v => v.Kind == "tag" && !v.ExpectedError && v.IgnoreVars is not { Count: > 0 }).ToList();
        const int LineCount = 5000;
        var input = new StringBuilder();
        for (var i = 0; i < LineCount; i++)
        {
            input.Append(vectors[i % vectors.Count].InputPbBase64).Append('\n');
        }

        var run = await CliHarness.RunWithInputAsync(input.ToString(), "cache-key", "tag", "--format", "pb-base64");

        Assert.Equal(0, run.ExitCode);
        var lines = run.OutLines;
        Assert.Equal(LineCount, lines.Length);
        for (var i = 0; i < LineCount; i++)
        {
            Assert.Equal(vectors[i % vectors.Count].Expected, lines[i]);
        }
    }

    [Fact]
    public async Task An_empty_pb_base64_line_is_the_empty_input_map()
    {
        var empty = GoldenVectors.Get("tag_upstream_empty_map");

        var run = await CliHarness.RunWithInputAsync("\n", "cache-key", "tag", "--format", "pb-base64");

        Assert.Equal(empty.Expected, Assert.Single(run.OutLines));
    }

    [Fact]
    public async Task Explain_prints_the_hashed_canonical_json_and_each_inputs_own_hash()
    {
        var vector = GoldenVectors.Get("tag_upstream_ignore_3");
        var file = _cli.File("inputs.pb", vector.InputBytes);

        var run = await CliHarness.RunAsync("cache-key", "tag", "--format", "pb", "--ignore", "3", "--explain", file);

        Assert.True(run.ExitCode == 0, run.ToString());
        var lines = run.OutLines;
        Assert.Equal("tag     " + vector.Expected, lines[0]);

        // The printed JSON is exactly what was hashed: its objecthash is the tag.
        Assert.StartsWith("hashed  ", lines[1], StringComparison.Ordinal);
        var canonical = lines[1]["hashed  ".Length..];
        Assert.Equal(vector.Expected, "flyte_cached-" + Base64Url.Encode(ObjectHash.OfJson(canonical)));

        var inputs = lines.SkipWhile(line => !line.StartsWith("inputs", StringComparison.Ordinal)).Skip(1).Select(line => line.Trim()).ToList();
        Assert.Equal(3, inputs.Count);
        foreach (var (line, name) in inputs.Take(2).Zip(["1", "2"]))
        {
            // name, own hash, value: the hash is the objecthash of the value printed beside it.
            var parts = line.Split("  ", 3, StringSplitOptions.TrimEntries);
            Assert.Equal(name, parts[0]);
            Assert.Equal(Base64Url.Encode(ObjectHash.OfJson(parts[2])), parts[1]);
            Assert.Contains(parts[2], canonical, StringComparison.Ordinal);
        }

        Assert.StartsWith("3  ignored", inputs[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Against_names_the_added_removed_and_changed_inputs_and_both_tags()
    {
        var baselineVector = GoldenVectors.Get("tag_upstream_ints_1_2");
        var baseline = _cli.File("before.pb", baselineVector.InputBytes);
        var changed = LiteralMap.Parser.ParseFrom(baselineVector.InputBytes);
        changed.Literals.Remove("1");
        changed.Literals["2"] = new Literal { Scalar = new Scalar { Primitive = new Primitive { Integer = 20 } } };
        changed.Literals["3"] = new Literal { Scalar = new Scalar { Primitive = new Primitive { StringValue = "new" } } };
        var subject = _cli.File("after.pb", changed.ToByteArray());
        var subjectTag = (await CliHarness.RunAsync("cache-key", "tag", "--format", "pb", subject)).Out.Trim();

        var run = await CliHarness.RunAsync("cache-key", "tag", "--format", "pb", "--explain", subject, "--against", baseline);

        Assert.True(run.ExitCode == 1, run.ToString());
        var lines = run.OutLines;
        Assert.Equal($"tag      {subjectTag}  '{subject}'", lines[0]);
        Assert.Equal($"against  {baselineVector.Expected}  '{baseline}'", lines[1]);
        Assert.Equal("different tags: 3 inputs change the tag", lines[2]);
        Assert.Equal("  removed  1  {\"scalar\":{\"primitive\":{\"integer\":\"1\"}}}  (only in '" + baseline + "')", lines[3]);
        Assert.Equal("  changed  2  {\"scalar\":{\"primitive\":{\"integer\":\"2\"}}} -> {\"scalar\":{\"primitive\":{\"integer\":\"20\"}}}", lines[4]);
        Assert.Equal("  added    3  {\"scalar\":{\"primitive\":{\"stringValue\":\"new\"}}}  (only in '" + subject + "')", lines[5]);
        Assert.Equal(6, lines.Length);
    }

    [Fact]
    public async Task Against_alone_names_the_one_changed_input_and_says_when_nothing_changes_the_tag()
    {
        var vector = GoldenVectors.Get("tag_upstream_ignore_3");
        var baseline = _cli.File("before.json", vector.InputJson!.Value.GetRawText());
        var changed = LiteralMap.Parser.ParseFrom(vector.InputBytes);
        changed.Literals["3"] = new Literal { Scalar = new Scalar { Primitive = new Primitive { Integer = 33 } } };
        var subject = _cli.File("after.json", JsonFormatter.Default.Format(changed));

        var differs = await CliHarness.RunAsync("cache-key", "tag", subject, "--against", baseline);
        var ignored = await CliHarness.RunAsync("cache-key", "tag", "--ignore", "3", subject, "--against", baseline);

        Assert.Equal(1, differs.ExitCode);
        var change = Assert.Single(differs.OutLines, line => line.StartsWith("  ", StringComparison.Ordinal));
        Assert.StartsWith("  changed  3  ", change, StringComparison.Ordinal);
        Assert.Equal(0, ignored.ExitCode);
        Assert.Contains($"tag      {vector.Expected}", ignored.Out, StringComparison.Ordinal);
        Assert.Contains($"against  {vector.Expected}", ignored.Out, StringComparison.Ordinal);
        Assert.Equal("same tag: no input changes it", ignored.OutLines[^1]);
    }

    [Fact]
    public async Task Explain_and_against_need_one_message_per_input()
    {
        var run = await CliHarness.RunWithInputAsync("CgA=\n", "cache-key", "tag", "--format", "pb-base64", "--explain");

        CliAssert.BadInput(run, "--explain and --against read one message each");
    }

    [Fact]
    public async Task File_and_against_cannot_both_be_standard_input()
    {
        var run = await CliHarness.RunWithInputAsync("{}", "cache-key", "tag", "-", "--against", "-");

        CliAssert.BadInput(run, "cannot both read standard input");
    }

    [Fact]
    public async Task A_missing_file_is_bad_input()
    {
        var missing = Path.Combine(_cli.Directory, "missing.json");

        CliAssert.BadInput(await CliHarness.RunAsync("cache-key", "tag", missing), $"cannot read '{missing}': no such file");
        CliAssert.BadInput(await CliHarness.RunAsync("cache-key", "tag", "--against", missing, _cli.File("a.json", "{}")), "no such file");
    }

    [Theory]
    [InlineData("{\"literals\":", "is not valid proto3 JSON for flyteidl.core.LiteralMap")]
    [InlineData("{\"literalz\":{}}", "is not valid proto3 JSON for flyteidl.core.LiteralMap")]
    [InlineData("[1, 2]", "is not valid proto3 JSON for flyteidl.core.LiteralMap")]
    [InlineData("", "is not valid proto3 JSON for flyteidl.core.LiteralMap")]
    public async Task Bad_json_is_bad_input(string json, string expected)
    {
        var file = _cli.File("inputs.json", json);

        CliAssert.BadInput(await CliHarness.RunAsync("cache-key", "tag", file), expected);
    }

    [Fact]
    public async Task Bytes_that_are_no_LiteralMap_are_bad_input()
    {
        var file = _cli.File("inputs.pb", [0x0A, 0x05, 0x01]);

        CliAssert.BadInput(await CliHarness.RunAsync("cache-key", "tag", "--format", "pb", file), "is not a binary flyteidl.core.LiteralMap");
    }

    [Theory]
    [InlineData("xml")]
    [InlineData("JSON")]
    [InlineData("")]
    public async Task An_unknown_format_is_bad_input(string format)
    {
        CliAssert.BadInput(await CliHarness.RunAsync("cache-key", "tag", "--format", format), $"unknown --format '{format}'");
    }

    [Theory]
    [InlineData("cache-key", "tag", "--bogus")]
    [InlineData("cache-key", "tag", "a.json", "b.json")]
    [InlineData("cache-key")]
    [InlineData("nonsense")]
    public async Task Bad_arguments_are_one_line_and_exit_code_2(params string[] args)
    {
        CliAssert.BadInput(await CliHarness.RunAsync(args), "see --help");
    }

    private static string[] IgnoreArguments(GoldenVector vector) =>
        vector.IgnoreVars is { Count: > 0 } ignored ? ["cache-key", "tag", "--ignore", string.Join(',', ignored)] : ["cache-key", "tag"];
}
