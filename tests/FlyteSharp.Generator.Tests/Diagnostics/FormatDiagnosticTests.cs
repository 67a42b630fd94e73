using static FlyteSharp.Generator.Tests.Diagnostics.DiagnosticTestSupport;

namespace FlyteSharp.Generator.Tests.Diagnostics;

/// <summary>FLYTE030-FLYTE032: blob format types. Each: it fires, and it does not.</summary>
public sealed class FormatDiagnosticTests
{
    [Fact]
    public void FLYTE030_fires_on_a_format_type_without_BlobFormat()
    {
        var diagnostics = Expect("""
            public sealed class NotAFormat { }
            public sealed class T
            {
                [FlyteTask] public int Read({|FLYTE030:FlyteFile<NotAFormat>|} file) => 0;
                [FlyteTask] public {|FLYTE030:FlyteDirectory<NotAFormat>|} Write() => new("out");
            }
            """);

        Assert.Equal(
            "Parameter 'file' of task 'T.Read' uses 'NotAFormat' as a blob format, but 'NotAFormat' has no [BlobFormat(\"...\")] attribute naming its format",
            diagnostics.OrderBy(d => d.Location.SourceSpan.Start).First().GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void FLYTE030_does_not_fire_on_a_marked_format_type()
    {
        var run = ExpectNone("""
            [BlobFormat("tsv")] public sealed class Tsv { }
            public sealed class T
            {
                [FlyteTask] public int Read(FlyteFile<Tsv> file) => 0;
            }
            """);

        Assert.Contains("Format = \"tsv\"", run.Source("T.FlyteTasks.g.cs"), StringComparison.Ordinal);
    }

    [Fact]
    public void FLYTE031_fires_on_two_format_types_claiming_one_name()
    {
        var diagnostics = Expect("""
            [BlobFormat("tsv")] public sealed class Alpha { }
            [BlobFormat({|FLYTE031:"TSV"|})] public sealed class Beta { }
            [BlobFormat({|FLYTE031:"Csv"|})] public sealed class MyCsv { }
            """);

        var messages = diagnostics.OrderBy(d => d.Location.SourceSpan.Start).Select(d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.StartsWith("Format type 'Beta' claims the format name 'TSV', which 'Alpha' already claims", messages[0]);
        Assert.StartsWith("Format type 'MyCsv' claims the format name 'Csv', which 'Csv' already claims", messages[1]);
    }

    [Fact]
    public void FLYTE031_does_not_fire_on_distinct_format_names() => ExpectNone("""
        [BlobFormat("tsv")] public sealed class Tsv { }
        [BlobFormat("feather")] public sealed class Feather { }
        """);

    [Fact]
    public void FLYTE032_fires_on_an_empty_format_name_where_declared_and_where_used() => Expect("""
        [BlobFormat({|FLYTE032:" "|})] public sealed class Blank { }
        [BlobFormat({|FLYTE032:""|})] public sealed class Empty { }
        public sealed class T
        {
            [FlyteTask] public int Read({|FLYTE032:FlyteFile<Blank>|} file) => 0;
        }
        """);

    [Fact]
    public void FLYTE032_does_not_fire_on_a_named_format() => ExpectNone("""
        [BlobFormat("x-custom")] public sealed class Custom { }
        public sealed class T
        {
            [FlyteTask] public int Read(FlyteFile<Custom> file) => 0;
        }
        """);
}
