namespace FlyteSharp;

/// <summary>
/// Marks a type as a blob format for <see cref="FlyteFile{TFormat}"/> and <see cref="FlyteDirectory{TFormat}"/>:
/// <c>[BlobFormat("csv")] public sealed class Csv;</c>. The name is what Flyte sees as the blob's <c>format</c>;
/// the generator reads it at compile time, the runtime by reflection once per type.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, AllowMultiple = false, Inherited = false)]
public sealed class BlobFormatAttribute : Attribute
{
    /// <summary>Declares the format name, e.g. <c>csv</c> (compared case-insensitively with other formats).</summary>
    public BlobFormatAttribute(string name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new ArgumentException(
                "A blob format needs a name; use the untyped FlyteFile or FlyteDirectory for \"any format\".", nameof(name));
        }

        Name = name;
    }

    /// <summary>The format name as Flyte sees it.</summary>
    public string Name { get; }
}
