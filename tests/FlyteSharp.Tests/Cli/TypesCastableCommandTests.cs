namespace FlyteSharp.Tests.Cli;

public sealed class TypesCastableCommandTests : IDisposable
{
    private const string Csv = """{"blob":{"format":"csv"}}""";
    private const string Parquet = """{"blob":{"format":"parquet"}}""";
    private const string AnyFile = """{"blob":{}}""";
    private const string AnyDirectory = """{"blob":{"dimensionality":"MULTIPART"}}""";
    private const string Integer = """{"simple":"INTEGER"}""";

    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    [Theory]
    [InlineData(AnyFile, Csv)]
    [InlineData(Csv, AnyFile)]
    [InlineData("""{"blob":{"format":"CSV"}}""", Csv)]
    [InlineData(Integer, Integer)]
    [InlineData("""{"collectionType":{"blob":{}}}""", """{"collectionType":{"blob":{"format":"csv"}}}""")]
    [InlineData("""{"enumType":{"values":["a","b"]}}""", """{"simple":"STRING"}""")]
    [InlineData(Integer, """{"unionType":{"variants":[{"simple":"INTEGER","structure":{"tag":"int"}},{"simple":"NONE","structure":{"tag":"none"}}]}}""")]
    public async Task Castable_types_print_castable_and_exit_0(string from, string to)
    {
        var run = await CliHarness.RunAsync("types", "castable", "--from", from, "--to", to);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("castable\n", run.Out);
        Assert.Empty(run.Error);
    }

    [Theory]
    [InlineData(Parquet, Csv, """not castable: type: blob{format:"parquet"} is not castable to blob{format:"csv"}""")]
    [InlineData("""{"collectionType":{"blob":{"format":"parquet"}}}""", """{"collectionType":{"blob":{"format":"csv"}}}""", """not castable: type[]: blob{format:"parquet"} is not castable to blob{format:"csv"}""")]
    [InlineData("""{"mapValueType":{"blob":{"format":"parquet"}}}""", """{"mapValueType":{"blob":{"format":"csv"}}}""", """not castable: type{}: blob{format:"parquet"} is not castable to blob{format:"csv"}""")]
    public async Task Not_castable_types_print_the_reason_with_its_path_and_exit_1(string from, string to, string expected)
    {
        var run = await CliHarness.RunAsync("types", "castable", "--from", from, "--to", to);

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Equal(expected + "\n", run.Out);
        Assert.Empty(run.Error);
    }

    [Fact]
    public async Task A_directory_never_satisfies_a_file()
    {
        var run = await CliHarness.RunAsync("types", "castable", "--from", AnyDirectory, "--to", Csv);

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("not castable: type: ", run.Out, StringComparison.Ordinal);
        Assert.Contains("MULTIPART", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Types_may_come_from_files()
    {
        var from = _cli.File("from.json", Parquet);
        var to = _cli.File("to.json", Csv);

        var notCastable = await CliHarness.RunAsync("types", "castable", "--from", "@" + from, "--to", "@" + to);
        var castable = await CliHarness.RunWithInputAsync(AnyFile, "types", "castable", "--from", "@-", "--to", "@" + to);

        Assert.Equal(1, notCastable.ExitCode);
        Assert.Equal(0, castable.ExitCode);
    }

    [Theory]
    [InlineData("""{"blob":""", "--from is not valid proto3 JSON for flyteidl.core.LiteralType")]
    [InlineData("""{"blobb":{}}""", "--from is not valid proto3 JSON for flyteidl.core.LiteralType")]
    [InlineData("{}", "--from: LiteralType: the LiteralType has no type set")]
    [InlineData("""{"simple":"INTEGERS"}""", "--from is not valid proto3 JSON")]
    public async Task Bad_types_are_bad_input(string from, string expected)
    {
        CliAssert.BadInput(await CliHarness.RunAsync("types", "castable", "--from", from, "--to", Csv), expected);
    }

    [Fact]
    public async Task Missing_files_and_options_are_bad_input()
    {
        var missing = Path.Combine(_cli.Directory, "missing.json");

        CliAssert.BadInput(await CliHarness.RunAsync("types", "castable", "--from", Csv, "--to", "@" + missing), $"cannot read '{missing}': no such file");
        CliAssert.BadInput(await CliHarness.RunAsync("types", "castable", "--from", "@", "--to", Csv), "needs a file name");
        CliAssert.BadInput(await CliHarness.RunAsync("types", "castable", "--from", Csv), "'--to' is required");
    }
}
