using System;
using FlyteSharp.Core;

namespace FlyteSharp.Typing;

/// <summary>Flyte's simple types; the numbers are those of <c>flyteidl.core.SimpleType</c>.</summary>
public enum SimpleKind
{
    /// <summary>NONE: the type of a null / absent value.</summary>
    None = 0,
    /// <summary>INTEGER (64-bit).</summary>
    Integer = 1,
    /// <summary>FLOAT (64-bit).</summary>
    Float = 2,
    /// <summary>STRING.</summary>
    String = 3,
    /// <summary>BOOLEAN.</summary>
    Boolean = 4,
    /// <summary>DATETIME (UTC timestamp).</summary>
    Datetime = 5,
    /// <summary>DURATION.</summary>
    Duration = 6,
    /// <summary>BINARY.</summary>
    Binary = 7,
    /// <summary>ERROR.</summary>
    Error = 8,
    /// <summary>STRUCT (a protobuf Struct, untyped JSON).</summary>
    Struct = 9,
}

/// <summary>Blob dimensionality; the numbers are those of <c>flyteidl.core.BlobType.BlobDimensionality</c>.</summary>
public enum BlobDimensionality
{
    /// <summary>A single file.</summary>
    Single = 0,
    /// <summary>A directory (multipart blob).</summary>
    Multipart = 1,
}

/// <summary>
/// A Flyte <c>LiteralType</c> as plain, immutable, value-equal data. The runtime converts protobuf
/// <c>LiteralType</c> messages to and from it; the generator builds it from C# symbols. Only what typing and
/// cache keys need is modelled: <see cref="StructureTag"/> (union variant tags) but not metadata or
/// annotations, which Flyte strips before hashing an interface and ignores when checking castability.
/// </summary>
/// <remarks>
/// Must stay immutable and equatable: the generator's incremental cache compares models by value.
/// The hierarchy is closed (<see cref="Describe"/> cannot be overridden outside the assembly) so that
/// castability and the protobuf conversions can be total over it.
/// </remarks>
public abstract record FlyteType
{
    /// <summary>
    /// <c>structure.tag</c>: the variant tag flytekit writes for union variants (e.g. <c>int</c>, <c>none</c>).
    /// <see langword="null"/> and <c>""</c> both mean "no tag", as in Flyte.
    /// </summary>
    public string? StructureTag { get; init; }

    /// <summary>
    /// Renders the type the way rejection messages show it, e.g. <c>blob{format:"csv"}</c>, with the structure
    /// tag as a suffix when there is one: <c>INTEGER(tag:"int")</c>.
    /// </summary>
    public sealed override string ToString()
    {
        var body = Describe();
        return string.IsNullOrEmpty(StructureTag) ? body : body + "(tag:\"" + StructureTag + "\")";
    }

    /// <summary>The rendering of the type itself, without its structure tag.</summary>
    private protected abstract string Describe();
}

/// <summary>A simple type: <c>{simple: INTEGER}</c> and friends.</summary>
public sealed record SimpleType(SimpleKind Kind) : FlyteType
{
    private protected override string Describe() => Kind.ToString().ToUpperInvariant();
}

/// <summary>A blob: a file (<see cref="BlobDimensionality.Single"/>) or a directory, with a format (<c>""</c> = any).</summary>
public sealed record BlobType(string Format, BlobDimensionality Dimensionality) : FlyteType
{
    /// <summary>The format, e.g. <c>csv</c>; <c>""</c> means any format.</summary>
    public string Format { get; init; } = Format ?? throw new ArgumentNullException(nameof(Format));

    private protected override string Describe() =>
        Dimensionality == BlobDimensionality.Single
            ? (Format.Length == 0 ? "blob{}" : "blob{format:\"" + Format + "\"}")
            : (Format.Length == 0 ? "blob{dimensionality:MULTIPART}" : "blob{format:\"" + Format + "\",dimensionality:MULTIPART}");
}

/// <summary>A collection: <c>{collectionType: T}</c>.</summary>
public sealed record CollectionType(FlyteType ElementType) : FlyteType
{
    /// <summary>The type of every element; <c>NONE</c> for the type inferred from an empty collection.</summary>
    public FlyteType ElementType { get; init; } = ElementType ?? throw new ArgumentNullException(nameof(ElementType));

    private protected override string Describe() => "list<" + ElementType + ">";
}

/// <summary>A string-keyed map: <c>{mapValueType: T}</c>.</summary>
public sealed record MapType(FlyteType ValueType) : FlyteType
{
    /// <summary>The type of every value; <c>NONE</c> for the type inferred from an empty map.</summary>
    public FlyteType ValueType { get; init; } = ValueType ?? throw new ArgumentNullException(nameof(ValueType));

    private protected override string Describe() => "map<string," + ValueType + ">";
}

/// <summary>An enum: its values are member names, carried as strings.</summary>
public sealed record EnumType(EquatableArray<string> Values) : FlyteType
{
    private protected override string Describe() => "enum{" + string.Join(",", Values) + "}";
}

/// <summary>A union of variants (a C# <c>T?</c> is <c>[T, NONE]</c>).</summary>
public sealed record UnionType(EquatableArray<FlyteType> Variants) : FlyteType
{
    private protected override string Describe() => "union[" + string.Join(",", Variants) + "]";
}

/// <summary>A structured dataset (dataframe) with a format (<c>""</c> = any) and optional columns.</summary>
public sealed record StructuredDatasetType(EquatableArray<DatasetColumn> Columns, string Format) : FlyteType
{
    /// <summary>The storage format, e.g. <c>parquet</c>; <c>""</c> means any format.</summary>
    public string Format { get; init; } = Format ?? throw new ArgumentNullException(nameof(Format));

    /// <summary><c>external_schema_type</c>, e.g. <c>arrow</c>; <c>""</c> when absent. Castability ignores it.</summary>
    public string ExternalSchemaType { get; init; } = string.Empty;

    /// <summary><c>external_schema_bytes</c>: the serialized external schema; empty when absent. Castability ignores it.</summary>
    public EquatableArray<byte> ExternalSchemaBytes { get; init; }

    private protected override string Describe() =>
        "structured_dataset{format:\"" + Format + "\"" + (Columns.Count == 0 ? string.Empty : ",columns:[" + string.Join(",", Columns) + "]") + "}";
}

/// <summary>A named column of a structured dataset.</summary>
public sealed record DatasetColumn(string Name, FlyteType Type)
{
    /// <summary>The column name.</summary>
    public string Name { get; init; } = Name ?? throw new ArgumentNullException(nameof(Name));

    /// <summary>The column type.</summary>
    public FlyteType Type { get; init; } = Type ?? throw new ArgumentNullException(nameof(Type));

    /// <inheritdoc/>
    public override string ToString() => Name + ":" + Type;
}

/// <summary>The legacy schema type with typed columns.</summary>
public sealed record SchemaType(EquatableArray<SchemaColumn> Columns) : FlyteType
{
    private protected override string Describe() => "schema[" + string.Join(",", Columns) + "]";
}

/// <summary>Column types of the legacy schema; numbers as in <c>SchemaType.SchemaColumn.SchemaColumnType</c>.</summary>
public enum SchemaColumnKind
{
    /// <summary>INTEGER.</summary>
    Integer = 0,
    /// <summary>FLOAT.</summary>
    Float = 1,
    /// <summary>STRING.</summary>
    String = 2,
    /// <summary>BOOLEAN.</summary>
    Boolean = 3,
    /// <summary>DATETIME.</summary>
    Datetime = 4,
    /// <summary>DURATION.</summary>
    Duration = 5,
}

/// <summary>A named column of the legacy schema.</summary>
public sealed record SchemaColumn(string Name, SchemaColumnKind Kind)
{
    /// <summary>The column name.</summary>
    public string Name { get; init; } = Name ?? throw new ArgumentNullException(nameof(Name));

    /// <inheritdoc/>
    public override string ToString() => Name + ":" + Kind.ToString().ToUpperInvariant();
}

/// <summary>A variable of an interface: a type and an optional description.</summary>
public sealed record FlyteVariable(string Name, FlyteType Type, string? Description = null)
{
    /// <summary>The variable name (a parameter name, or <c>o0</c>, <c>o1</c>, ... for outputs).</summary>
    public string Name { get; init; } = Name ?? throw new ArgumentNullException(nameof(Name));

    /// <summary>The variable type.</summary>
    public FlyteType Type { get; init; } = Type ?? throw new ArgumentNullException(nameof(Type));
}

/// <summary>A task interface: inputs and outputs in declaration order.</summary>
public sealed record FlyteInterface(EquatableArray<FlyteVariable> Inputs, EquatableArray<FlyteVariable> Outputs);
