using FlyteSharp;

namespace FlyteSharp.Generator.Tests.Infrastructure;

/// <summary>
/// Source declarations of the runtime types other branches add (FlyteFile, FlyteDirectory, BlobFormat, the
/// shipped formats), each added to a test compilation only while the runtime assembly lacks it. The generator
/// recognises these types by metadata name, so it treats a stand-in exactly as the real type; once the real
/// types are merged the stand-ins disappear by themselves.
/// </summary>
internal static class RuntimeStandIns
{
    private static readonly (string MetadataName, string Source)[] StandIns =
    {
        ("FlyteSharp.BlobFormatAttribute", """
            namespace FlyteSharp
            {
                [global::System.AttributeUsage(global::System.AttributeTargets.Class | global::System.AttributeTargets.Struct, Inherited = false)]
                public sealed class BlobFormatAttribute : global::System.Attribute
                {
                    public BlobFormatAttribute(string name) => Name = name;
                    public string Name { get; }
                }
            }
            """),
        ("FlyteSharp.FlyteFile", """
            namespace FlyteSharp
            {
                public class FlyteFile
                {
                    public FlyteFile(string path) => Path = path;
                    public string Path { get; }
                }
            }
            """),
        ("FlyteSharp.FlyteFile`1", """
            namespace FlyteSharp
            {
                public sealed class FlyteFile<TFormat> : FlyteFile
                {
                    public FlyteFile(string path) : base(path) { }
                }
            }
            """),
        ("FlyteSharp.FlyteDirectory", """
            namespace FlyteSharp
            {
                public class FlyteDirectory
                {
                    public FlyteDirectory(string path) => Path = path;
                    public string Path { get; }
                }
            }
            """),
        ("FlyteSharp.FlyteDirectory`1", """
            namespace FlyteSharp
            {
                public sealed class FlyteDirectory<TFormat> : FlyteDirectory
                {
                    public FlyteDirectory(string path) : base(path) { }
                }
            }
            """),
        ("FlyteSharp.Formats.Csv", """
            namespace FlyteSharp.Formats
            {
                [global::FlyteSharp.BlobFormat("csv")]
                public sealed class Csv { }
            }
            """),
        ("FlyteSharp.Formats.Parquet", """
            namespace FlyteSharp.Formats
            {
                [global::FlyteSharp.BlobFormat("parquet")]
                public sealed class Parquet { }
            }
            """),
    };

    /// <summary>The stand-ins the runtime assembly still needs, as (path, text).</summary>
    public static IEnumerable<(string Path, string Text)> Sources()
    {
        var runtime = typeof(FlyteTaskAttribute).Assembly;
        return StandIns
            .Where(standIn => runtime.GetType(standIn.MetadataName) is null)
            .Select(standIn => ("StandIn." + standIn.MetadataName.Replace('`', '_') + ".cs", standIn.Source));
    }
}
