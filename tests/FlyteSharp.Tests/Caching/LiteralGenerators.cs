using CsCheck;
using Flyteidl.Core;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;

namespace FlyteSharp.Tests.Caching;

/// <summary>Random Flyte literals covering every literal and scalar kind, with the edge values hashing cares about.</summary>
internal static class LiteralGenerators
{
    public static readonly Gen<string> Text = Gen.Frequency(
        (6, Gen.String[Gen.Char["abcxyz_0129"], 0, 8]),
        (2, Gen.OneOf(Gen.Const(string.Empty), Gen.Const("é"), Gen.Const("😀"), Gen.Const("a\ud800b"), Gen.Const("<&>\"\\\n"), Gen.Const("\u2028"))),
        (1, Gen.String),
        (1, Gen.String[Gen.Char["αβγ😀x"], 60, 200]));

    public static readonly Gen<double> Number = Gen.Frequency(
        (6, Gen.Double),
        (1, Gen.Long[-1_000_000, 1_000_000].Select(l => (double)l)),
        (2, Gen.OneOf(
            Gen.Const(0.0), Gen.Const(-0.0), Gen.Const(double.NaN), Gen.Const(double.PositiveInfinity),
            Gen.Const(double.NegativeInfinity), Gen.Const(double.Epsilon), Gen.Const(double.MaxValue),
            Gen.Const(0.1), Gen.Const(1.3), Gen.Const(1e21), Gen.Const(1e-7))));

    public static readonly Gen<Timestamp> ValidTimestamp =
        Gen.Select(Gen.Long[-100_000_000_000, 300_000_000_000], Gen.Int[0, 999_999_999], Gen.Int[0, 3], (seconds, nanos, rounding) =>
            new Timestamp { Seconds = seconds, Nanos = rounding switch { 0 => 0, 1 => nanos / 1_000_000 * 1_000_000, 2 => nanos / 1000 * 1000, _ => nanos } });

    public static readonly Gen<Duration> ValidDuration =
        Gen.Select(Gen.Long[0, 315_576_000_000], Gen.Int[0, 999_999_999], Gen.Bool, (seconds, nanos, negative) =>
            negative ? new Duration { Seconds = -seconds, Nanos = -nanos } : new Duration { Seconds = seconds, Nanos = nanos });

    public static readonly Gen<Value> JsonValue = Gen.Recursive<Value>((depth, inner) => depth >= 3
        ? Leaf()
        : Gen.Frequency(
            (4, Leaf()),
            (1, Entries(inner, 4).Select(fields =>
            {
                var structure = new Struct();
                foreach (var (key, value) in fields)
                {
                    structure.Fields[key] = value;
                }

                return Value.ForStruct(structure);
            })),
            (1, inner.Array[0, 4].Select(Value.ForList))));

    public static readonly Gen<Struct> JsonObject = Entries(JsonValue, 5).Select(fields =>
    {
        var structure = new Struct();
        foreach (var (key, value) in fields)
        {
            structure.Fields[key] = value;
        }

        return structure;
    });

    public static readonly Gen<LiteralType> LiteralTypes = Gen.Recursive<LiteralType>((depth, inner) =>
    {
        var simple = Gen.Select(Gen.Int[0, 10], Gen.OneOf(Gen.Const((string?)null), Gen.Const<string?>("int"), Gen.Const<string?>(string.Empty)), (kind, tag) =>
        {
            var type = new LiteralType { Simple = (SimpleType)kind };
            if (tag is not null)
            {
                type.Structure = new TypeStructure { Tag = tag };
            }

            return type;
        });
        if (depth >= 2)
        {
            return simple;
        }

        return Gen.Frequency(
            (3, simple),
            (1, Gen.Select(Text, Gen.Int[0, 2], (format, dimensionality) => new LiteralType { Blob = new BlobType { Format = format, Dimensionality = (BlobType.Types.BlobDimensionality)dimensionality } })),
            (1, inner.Select(element => new LiteralType { CollectionType = element })),
            (1, inner.Select(value => new LiteralType { MapValueType = value })),
            (1, inner.Array[0, 3].Select(variants => new LiteralType { UnionType = new UnionType { Variants = { variants } } })),
            (1, Text.Array[0, 3].Select(values => new LiteralType { EnumType = new EnumType { Values = { values } } })),
            (1, Gen.Select(Text, inner, (format, column) => new LiteralType
            {
                StructuredDatasetType = new StructuredDatasetType { Format = format, Columns = { new StructuredDatasetType.Types.DatasetColumn { Name = "c", LiteralType = column } } },
            })),
            (1, JsonObject.Select(metadata => new LiteralType { Simple = SimpleType.Struct, Metadata = metadata })));
    });

    public static readonly Gen<Literal> Literals = Gen.Recursive<Literal>((depth, inner) =>
    {
        var scalar = Scalars(inner).Select(s => new Literal { Scalar = s });
        var plain = depth >= 3
            ? scalar
            : Gen.Frequency(
                (6, scalar),
                (2, inner.Array[0, 4].Select(items => new Literal { Collection = new LiteralCollection { Literals = { items } } })),
                (2, Entries(inner, 4).Select(entries => new Literal { Map = ToMap(entries) })),
                (1, Gen.Select(Text, Gen.ULong, LiteralTypes, (uri, size, type) => new Literal
                {
                    OffloadedMetadata = new LiteralOffloadedMetadata { Uri = uri, SizeBytes = size, InferredType = type },
                })));

        // Now and then a literal carries a hash or metadata, which hashify treats specially.
        return Gen.Select(plain, Gen.Frequency((5, Gen.Const(string.Empty)), (1, Text)), Gen.Frequency((5, Gen.Const(0)), (1, Gen.Int[1, 3])), (literal, hash, metadataCount) =>
        {
            literal.Hash = hash;
            for (var i = 0; i < metadataCount; i++)
            {
                literal.Metadata["k" + i] = "v" + hash;
            }

            return literal;
        });
    });

    public static readonly Gen<LiteralMap> LiteralMaps = Entries(Literals, 6).Select(ToMap);

    /// <summary>Key/value pairs; a repeated key keeps the last value once put in a map.</summary>
    public static Gen<(string Key, T Value)[]> Entries<T>(Gen<T> values, int max) => Gen.Select(Text, values).Array[0, max];

    public static LiteralMap ToMap(IEnumerable<(string Key, Literal Value)> entries)
    {
        var map = new LiteralMap();
        foreach (var (key, value) in entries)
        {
            map.Literals[key] = value;
        }

        return map;
    }

    private static Gen<Value> Leaf() => Gen.OneOf(
        Gen.Const(Value.ForNull()),
        Number.Select(Value.ForNumber),
        Text.Select(Value.ForString),
        Gen.Bool.Select(Value.ForBool));

    private static Gen<Scalar> Scalars(Gen<Literal> inner) => Gen.Frequency(
        (6, Primitives().Select(p => new Scalar { Primitive = p })),
        (2, Gen.Select(Text, Text, Gen.Int[0, 2], Gen.Int[0, 2], (uri, format, dimensionality, shape) => new Scalar
        {
            Blob = shape switch
            {
                0 => new Blob { Uri = uri },
                1 => new Blob { Uri = uri, Metadata = new BlobMetadata() },
                _ => new Blob { Uri = uri, Metadata = new BlobMetadata { Type = new BlobType { Format = format, Dimensionality = (BlobType.Types.BlobDimensionality)(dimensionality == 2 ? 5 : dimensionality) } } },
            },
        })),
        (1, Gen.Select(Gen.Byte.Array[0, 400], Text, (bytes, tag) => new Scalar { Binary = new Binary { Value = ByteString.CopyFrom(bytes), Tag = tag } })),
        (1, Gen.Select(Text, Gen.Int[0, 6], (uri, columnType) => new Scalar
        {
            Schema = new Schema { Uri = uri, Type = new SchemaType { Columns = { new SchemaType.Types.SchemaColumn { Name = uri, Type = (SchemaType.Types.SchemaColumn.Types.SchemaColumnType)columnType } } } },
        })),
        (1, Gen.Const(() => new Scalar { NoneType = new Flyteidl.Core.Void() })),
        (1, Gen.Select(Text, Text, (node, message) => new Scalar { Error = new Error { FailedNodeId = node, Message = message } })),
        (2, JsonObject.Select(s => new Scalar { Generic = s })),
        (1, Gen.Select(Text, Text, Gen.Int[0, 2], (uri, format, shape) => new Scalar
        {
            StructuredDataset = shape switch
            {
                0 => new StructuredDataset { Uri = uri },
                1 => new StructuredDataset { Uri = uri, Metadata = new StructuredDatasetMetadata() },
                _ => new StructuredDataset { Uri = uri, Metadata = new StructuredDatasetMetadata { StructuredDatasetType = new StructuredDatasetType { Format = format, ExternalSchemaBytes = ByteString.CopyFromUtf8(uri) } } },
            },
        })),
        (2, Gen.Select(inner, LiteralTypes, Gen.Int[0, 2], (value, type, shape) => new Scalar
        {
            Union = shape switch
            {
                0 => new Union { Value = value, Type = type },
                1 => new Union { Value = value },
                _ => new Union(),
            },
        })),
        (1, Gen.Const(() => new Scalar())));

    private static Gen<Primitive> Primitives() => Gen.OneOf(
        Gen.Long.Select(i => new Primitive { Integer = i }),
        Number.Select(f => new Primitive { FloatValue = f }),
        Text.Select(s => new Primitive { StringValue = s }),
        Gen.Bool.Select(b => new Primitive { Boolean = b }),
        ValidTimestamp.Select(t => new Primitive { Datetime = t }),
        ValidDuration.Select(d => new Primitive { Duration = d }),
        Gen.Const(() => new Primitive()));
}
