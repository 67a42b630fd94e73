using System.Globalization;
using Flyteidl.Core;

namespace FlyteSharp.Literals;

/// <summary>Short descriptions of literals for error messages: <c>an INTEGER primitive (3000000000)</c>.</summary>
internal static class LiteralDescription
{
    private const int MaxShownStringLength = 40;

    public static string Of(Literal? literal) => literal?.ValueCase switch
    {
        null => "no literal (null)",
        Literal.ValueOneofCase.Scalar => OfScalar(literal.Scalar),
        Literal.ValueOneofCase.Collection => "a collection literal of " + literal.Collection.Literals.Count.ToString(CultureInfo.InvariantCulture),
        Literal.ValueOneofCase.Map => "a map literal of " + literal.Map.Literals.Count.ToString(CultureInfo.InvariantCulture),
        Literal.ValueOneofCase.OffloadedMetadata => "an offloaded literal (" + literal.OffloadedMetadata.Uri + ")",
        _ => "an empty literal",
    };

    private static string OfScalar(Scalar scalar) => scalar.ValueCase switch
    {
        Scalar.ValueOneofCase.Primitive => OfPrimitive(scalar.Primitive),
        Scalar.ValueOneofCase.Blob => "a blob literal (format \"" + scalar.Blob.Metadata?.Type?.Format + "\", "
            + (scalar.Blob.Metadata?.Type?.Dimensionality ?? Flyteidl.Core.BlobType.Types.BlobDimensionality.Single).ToString().ToUpperInvariant() + ")",
        Scalar.ValueOneofCase.NoneType => "a none literal",
        Scalar.ValueOneofCase.Union => "a union literal (tag \"" + scalar.Union.Type?.Structure?.Tag + "\")",
        Scalar.ValueOneofCase.Binary => "a binary literal (tag \"" + scalar.Binary.Tag + "\")",
        Scalar.ValueOneofCase.Generic => "a struct literal",
        Scalar.ValueOneofCase.StructuredDataset => "a structured dataset literal",
        Scalar.ValueOneofCase.Schema => "a schema literal",
        Scalar.ValueOneofCase.Error => "an error literal",
        _ => "an empty scalar literal",
    };

    private static string OfPrimitive(Primitive primitive) => primitive.ValueCase switch
    {
        Primitive.ValueOneofCase.Integer => "an INTEGER primitive (" + primitive.Integer.ToString(CultureInfo.InvariantCulture) + ")",
        Primitive.ValueOneofCase.FloatValue => "a FLOAT primitive (" + primitive.FloatValue.ToString("R", CultureInfo.InvariantCulture) + ")",
        Primitive.ValueOneofCase.StringValue => "a STRING primitive (" + Quoted(primitive.StringValue) + ")",
        Primitive.ValueOneofCase.Boolean => "a BOOLEAN primitive (" + (primitive.Boolean ? "true" : "false") + ")",
        Primitive.ValueOneofCase.Datetime => "a DATETIME primitive",
        Primitive.ValueOneofCase.Duration => "a DURATION primitive",
        _ => "an empty primitive",
    };

    private static string Quoted(string value) =>
        "\"" + (value.Length <= MaxShownStringLength ? value : value[..MaxShownStringLength] + "...") + "\"";
}
