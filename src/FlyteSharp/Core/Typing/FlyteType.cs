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
/// <remarks>Must stay immutable and equatable: the generator's incremental cache compares models by value.</remarks>
public abstract record FlyteType
{
    /// <summary><c>structure.tag</c>: the variant tag flytekit writes for union variants (e.g. <c>int</c>, <c>none</c>).</summary>
    public string? StructureTag { get; init; }

    /// <summary>Renders the type the way rejection messages show it, e.g. <c>blob{format:"csv"}</c>.</summary>
    public abstract override string ToString();
}

/// <summary>A simple type: <c>{simple: INTEGER}</c> and friends.</summary>
public sealed record SimpleType(SimpleKind Kind) : FlyteType
{
    /// <inheritdoc/>
    public override string ToString() => Kind.ToString().ToUpperInvariant();
}

/// <summary>A blob: a file (<see cref="BlobDimensionality.Single"/>) or a directory, with a format (<c>""</c> = any).</summary>
public sealed record BlobType(string Format, BlobDimensionality Dimensionality) : FlyteType
{
    /// <inheritdoc/>
    public override string ToString() =>
        Dimensionality == BlobDimensionality.Single
            ? (Format.Length == 0 ? "blob{}" : "blob{format:\"" + Format + "\"}")
            : (Format.Length == 0 ? "blob{dimensionality:MULTIPART}" : "blob{format:\"" + Format + "\",dimensionality:MULTIPART}");
}

/// <summary>A collection: <c>{collectionType: T}</c>.</summary>
public sealed record CollectionType(FlyteType ElementType) : FlyteType
{
    /// <inheritdoc/>
    public override string ToString() => "list<" + ElementType + ">";
}

/// <summary>A string-keyed map: <c>{mapValueType: T}</c>.</summary>
public sealed record MapType(FlyteType ValueType) : FlyteType
{
    /// <inheritdoc/>
    public override string ToString() => "map<string," + ValueType + ">";
}

/// <summary>An enum: its values are member names, carried as strings.</summary>
public sealed record EnumType(EquatableArray<string> Values) : FlyteType
{
    /// <inheritdoc/>
    public override string ToString() => "enum{" + string.Join(",", Values) + "}";
}

/// <summary>A union of variants (a C# <c>T?</c> is <c>[T, NONE]</c>).</summary>
public sealed record UnionType(EquatableArray<FlyteType> Variants) : FlyteType
{
    /// <inheritdoc/>
    public override string ToString() => "union[" + string.Join(",", Variants) + "]";
}

/// <summary>A structured dataset (dataframe) with a format (<c>""</c> = any) and optional columns.</summary>
public sealed record StructuredDatasetType(EquatableArray<DatasetColumn> Columns, string Format) : FlyteType
{
    /// <inheritdoc/>
    public override string ToString() =>
        "structured_dataset{format:\"" + Format + "\"" + (Columns.Count == 0 ? string.Empty : ",columns:[" + string.Join(",", Columns) + "]") + "}";
}

/// <summary>A named column of a structured dataset.</summary>
public sealed record DatasetColumn(string Name, FlyteType Type)
{
    /// <inheritdoc/>
    public override string ToString() => Name + ":" + Type;
}

/// <summary>The legacy schema type with typed columns.</summary>
public sealed record SchemaType(EquatableArray<SchemaColumn> Columns) : FlyteType
{
    /// <inheritdoc/>
    public override string ToString() => "schema[" + string.Join(",", Columns) + "]";
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
    /// <inheritdoc/>
    public override string ToString() => Name + ":" + Kind.ToString().ToUpperInvariant();
}

/// <summary>A variable of an interface: a type and an optional description.</summary>
public sealed record FlyteVariable(string Name, FlyteType Type, string? Description = null);

/// <summary>A task interface: inputs and outputs in declaration order.</summary>
public sealed record FlyteInterface(EquatableArray<FlyteVariable> Inputs, EquatableArray<FlyteVariable> Outputs);
