using Flyteidl.Core;
using FlyteSharp.Typing;
using ProtoBlobType = Flyteidl.Core.BlobType;

namespace FlyteSharp.Literals.Codecs;

/// <summary>
/// The untyped <see cref="FlyteFile"/>: a SINGLE blob of format <c>""</c>. Written with its actual format (a
/// <c>parquet</c> file read as <see cref="FlyteFile"/> is written back as <c>parquet</c>, as Flyte passes it on).
/// </summary>
internal sealed class FileCodec() : Codec<FlyteFile>(new Typing.BlobType(string.Empty, BlobDimensionality.Single))
{
    protected override Literal Write(FlyteFile value) => BlobLiterals.Create(value.Uri, value.Format, BlobDimensionality.Single);

    protected override FlyteFile Read(Literal literal)
    {
        var blob = BlobLiterals.Read(literal, BlobDimensionality.Single, string.Empty, this);
        return FlyteFile.Resolved(BlobLocation.FromLiteral(blob.Uri), blob.Metadata?.Type?.Format ?? string.Empty);
    }
}

/// <summary><see cref="FlyteFile{TFormat}"/>: a SINGLE blob of the format's name; reads accept <c>""</c> or that name.</summary>
internal sealed class TypedFileCodec<TFormat>() : Codec<FlyteFile<TFormat>>(new Typing.BlobType(BlobFormatName<TFormat>.Value, BlobDimensionality.Single))
{
    protected override Literal Write(FlyteFile<TFormat> value) => BlobLiterals.Create(value.Uri, value.Format, BlobDimensionality.Single);

    protected override FlyteFile<TFormat> Read(Literal literal)
    {
        var blob = BlobLiterals.Read(literal, BlobDimensionality.Single, BlobFormatName<TFormat>.Value, this);
        return FlyteFile<TFormat>.Resolved(BlobLocation.FromLiteral(blob.Uri));
    }
}

/// <summary>The untyped <see cref="FlyteDirectory"/>: a MULTIPART blob of format <c>""</c>, written with its actual format.</summary>
internal sealed class DirectoryCodec() : Codec<FlyteDirectory>(new Typing.BlobType(string.Empty, BlobDimensionality.Multipart))
{
    protected override Literal Write(FlyteDirectory value) => BlobLiterals.Create(value.Uri, value.Format, BlobDimensionality.Multipart);

    protected override FlyteDirectory Read(Literal literal)
    {
        var blob = BlobLiterals.Read(literal, BlobDimensionality.Multipart, string.Empty, this);
        return FlyteDirectory.Resolved(BlobLocation.FromLiteral(blob.Uri), blob.Metadata?.Type?.Format ?? string.Empty);
    }
}

/// <summary><see cref="FlyteDirectory{TFormat}"/>: a MULTIPART blob of the format's name.</summary>
internal sealed class TypedDirectoryCodec<TFormat>() : Codec<FlyteDirectory<TFormat>>(new Typing.BlobType(BlobFormatName<TFormat>.Value, BlobDimensionality.Multipart))
{
    protected override Literal Write(FlyteDirectory<TFormat> value) => BlobLiterals.Create(value.Uri, value.Format, BlobDimensionality.Multipart);

    protected override FlyteDirectory<TFormat> Read(Literal literal)
    {
        var blob = BlobLiterals.Read(literal, BlobDimensionality.Multipart, BlobFormatName<TFormat>.Value, this);
        return FlyteDirectory<TFormat>.Resolved(BlobLocation.FromLiteral(blob.Uri));
    }
}

/// <summary>Blob literals as flytekit writes them: <c>scalar.blob{metadata.type{format, dimensionality}, uri}</c>.</summary>
internal static class BlobLiterals
{
    public static Literal Create(Uri uri, string format, BlobDimensionality dimensionality) => new()
    {
        Scalar = new Scalar
        {
            Blob = new Blob
            {
                Metadata = new BlobMetadata
                {
                    Type = new ProtoBlobType
                    {
                        Format = format,
                        Dimensionality = (ProtoBlobType.Types.BlobDimensionality)dimensionality,
                    },
                },
                Uri = BlobLocation.ToLiteral(uri),
            },
        },
    };

    /// <summary>
    /// The blob of <paramref name="literal"/> when it has the expected dimensionality (a directory never reads as a
    /// file, nor the reverse) and a format that fits <paramref name="expectedFormat"/> by the lenient Blob rule.
    /// </summary>
    public static Blob Read(Literal literal, BlobDimensionality dimensionality, string expectedFormat, Codec codec)
    {
        var expected = dimensionality == BlobDimensionality.Single ? "a SINGLE blob (a file)" : "a MULTIPART blob (a directory)";
        if (literal.ValueCase != Literal.ValueOneofCase.Scalar || literal.Scalar.ValueCase != Scalar.ValueOneofCase.Blob)
        {
            throw Mismatch(literal, codec, expected);
        }

        var blob = literal.Scalar.Blob;
        var blobType = blob.Metadata?.Type;
        var actualDimensionality = (BlobDimensionality)(blobType?.Dimensionality ?? ProtoBlobType.Types.BlobDimensionality.Single);
        if (actualDimensionality != dimensionality)
        {
            throw Mismatch(literal, codec, expected + "; a file and a directory never convert into each other");
        }

        var format = blobType?.Format ?? string.Empty;
        if (!BlobFormatRule.Fits(format, expectedFormat))
        {
            throw new FlyteTypeException(
                $"Cannot read {LiteralDescription.Of(literal)} at \"{blob.Uri}\" as {TypeDisplay.Of(codec.ClrType)}: its format \"{format}\" " +
                $"is not \"{expectedFormat}\" (two specific formats must match; \"\" matches any).");
        }

        return blob;
    }

    private static FlyteTypeException Mismatch(Literal literal, Codec codec, string expected) =>
        new($"Cannot read {LiteralDescription.Of(literal)} as {TypeDisplay.Of(codec.ClrType)} (Flyte type {codec.Type}): expected {expected}.");
}
