using Flyteidl.Core;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;

namespace FlyteSharp.Tests.Typing;

/// <summary>Short constructors for protobuf literals, as Flyte and flytekit write them.</summary>
internal static class LiteralValues
{
    public static Literal Scalar(Scalar scalar) => new() { Scalar = scalar };

    public static Literal Int(long value) => Scalar(new Scalar { Primitive = new Primitive { Integer = value } });

    public static Literal Float(double value) => Scalar(new Scalar { Primitive = new Primitive { FloatValue = value } });

    public static Literal Str(string value) => Scalar(new Scalar { Primitive = new Primitive { StringValue = value } });

    public static Literal Bool(bool value) => Scalar(new Scalar { Primitive = new Primitive { Boolean = value } });

    public static Literal None() => Scalar(new Scalar { NoneType = new Flyteidl.Core.Void() });

    public static Literal File(string format, string uri = "s3://bucket/data") => Blob(format, BlobType.Types.BlobDimensionality.Single, uri);

    public static Literal Dir(string format, string uri = "s3://bucket/dir") => Blob(format, BlobType.Types.BlobDimensionality.Multipart, uri);

    public static Literal Blob(string format, BlobType.Types.BlobDimensionality dimensionality, string uri) =>
        Scalar(new Scalar
        {
            Blob = new Blob
            {
                Uri = uri,
                Metadata = new BlobMetadata { Type = new BlobType { Format = format, Dimensionality = dimensionality } },
            },
        });

    public static Literal List(params Literal[] elements) => new() { Collection = new LiteralCollection { Literals = { elements } } };

    public static Literal Map(params (string Key, Literal Value)[] entries)
    {
        var map = new LiteralMap();
        foreach (var (key, value) in entries)
        {
            map.Literals.Add(key, value);
        }

        return new Literal { Map = map };
    }

    public static Literal Union(Literal value, LiteralType type) => Scalar(new Scalar { Union = new Union { Value = value, Type = type } });

    public static LiteralType SimpleType(SimpleType simple, string? tag = null)
    {
        var type = new LiteralType { Simple = simple };
        if (tag is not null)
        {
            type.Structure = new TypeStructure { Tag = tag };
        }

        return type;
    }

    public static Literal Binary(byte[] bytes, string tag) => Scalar(new Scalar { Binary = new Binary { Value = ByteString.CopyFrom(bytes), Tag = tag } });

    public static Literal Generic() => Scalar(new Scalar { Generic = new Struct { Fields = { ["a"] = Value.ForNumber(1) } } });
}
