using Flyteidl.Core;
using FlyteSharp.Formats;
using FlyteSharp.Literals;
using ProtoBlobType = Flyteidl.Core.BlobType;

namespace FlyteSharp.Tests.Literals;

public sealed class BlobConversionTests
{
    private static Literal Blob(string uri, string format, ProtoBlobType.Types.BlobDimensionality dimensionality) => new()
    {
        Scalar = new Scalar
        {
            Blob = new Blob
            {
                Uri = uri,
                Metadata = new BlobMetadata { Type = new ProtoBlobType { Format = format, Dimensionality = dimensionality } },
            },
        },
    };

    private static Literal File(string uri, string format) => Blob(uri, format, ProtoBlobType.Types.BlobDimensionality.Single);

    private static Literal Directory(string uri, string format) => Blob(uri, format, ProtoBlobType.Types.BlobDimensionality.Multipart);

    [Fact]
    public void A_typed_file_is_a_single_blob_of_its_format()
    {
        var literal = LiteralConverter.ToLiteral(new FlyteFile<Csv>("s3://bucket/sales.csv"));

        Assert.Equal(File("s3://bucket/sales.csv", "csv"), literal);
    }

    [Fact]
    public void An_untyped_file_is_a_single_blob_of_its_actual_format()
    {
        Assert.Equal(File("s3://bucket/x", string.Empty), LiteralConverter.ToLiteral(new FlyteFile("s3://bucket/x")));
        Assert.Equal(File("s3://bucket/x", "parquet"), LiteralConverter.ToLiteral(new FlyteFile(new Uri("s3://bucket/x"), "parquet")));
    }

    [Fact]
    public void A_local_file_is_written_as_a_file_uri()
    {
        var path = Path.Combine(Path.GetTempPath(), "in put.csv");

        var literal = LiteralConverter.ToLiteral(new FlyteFile<Csv>(path));

        Assert.Equal(new Uri(path).AbsoluteUri, literal.Scalar.Blob.Uri);
        Assert.Equal(path, LiteralConverter.FromLiteral<FlyteFile<Csv>>(literal).LocalPath);
    }

    [Theory]
    [InlineData("")]
    [InlineData("csv")]
    [InlineData("CSV")]
    public void A_typed_file_reads_a_blob_with_no_format_or_the_same_format(string format)
    {
        var file = LiteralConverter.FromLiteral<FlyteFile<Csv>>(File("s3://bucket/a.csv", format));

        Assert.Equal(new FlyteFile<Csv>("s3://bucket/a.csv"), file);
    }

    [Fact]
    public void A_typed_file_refuses_a_blob_of_another_format_naming_both()
    {
        var error = Assert.Throws<FlyteTypeException>(() => LiteralConverter.FromLiteral<FlyteFile<Csv>>(File("s3://bucket/a.parquet", "parquet")));

        Assert.Contains("\"parquet\"", error.Message, StringComparison.Ordinal);
        Assert.Contains("\"csv\"", error.Message, StringComparison.Ordinal);
        Assert.Contains("FlyteFile<Csv>", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_untyped_file_keeps_the_actual_format_and_then_refuses_another_typed_view()
    {
        var file = LiteralConverter.FromLiteral<FlyteFile>(File("s3://bucket/a.parquet", "parquet"));

        Assert.Equal("parquet", file.Format);
        Assert.Equal(File("s3://bucket/a.parquet", "parquet"), LiteralConverter.ToLiteral(file));
        var error = Assert.Throws<FlyteTypeException>(() =>
        {
            FlyteFile<Csv> csv = file;
            return csv;
        });
        Assert.Contains("\"parquet\"", error.Message, StringComparison.Ordinal);
        Assert.Contains("\"csv\"", error.Message, StringComparison.Ordinal);
        FlyteFile<Parquet> parquet = file;
        Assert.Equal("s3://bucket/a.parquet", parquet.ToString());
    }

    [Fact]
    public void A_file_never_reads_a_directory_nor_the_reverse()
    {
        var fileError = Assert.Throws<FlyteTypeException>(() => LiteralConverter.FromLiteral<FlyteFile>(Directory("s3://bucket/d/", string.Empty)));
        var directoryError = Assert.Throws<FlyteTypeException>(() => LiteralConverter.FromLiteral<FlyteDirectory<Csv>>(File("s3://bucket/a.csv", "csv")));

        Assert.Contains("MULTIPART", fileError.Message, StringComparison.Ordinal);
        Assert.Contains("never convert", fileError.Message, StringComparison.Ordinal);
        Assert.Contains("SINGLE", directoryError.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Directories_are_multipart_blobs()
    {
        var typed = new FlyteDirectory<Parquet>("s3://bucket/d/");

        Assert.Equal(Directory("s3://bucket/d/", "parquet"), LiteralConverter.ToLiteral(typed));
        Assert.Equal(typed, LiteralConverter.FromLiteral<FlyteDirectory<Parquet>>(Directory("s3://bucket/d/", string.Empty)));
        Assert.Equal("csv", LiteralConverter.FromLiteral<FlyteDirectory>(Directory("s3://bucket/d/", "csv")).Format);
        Assert.Throws<FlyteTypeException>(() => LiteralConverter.FromLiteral<FlyteDirectory<Parquet>>(Directory("s3://bucket/d/", "csv")));
    }

    [Fact]
    public void A_blob_with_no_metadata_reads_as_a_file_of_unknown_format()
    {
        var literal = new Literal { Scalar = new Scalar { Blob = new Blob { Uri = "s3://bucket/a" } } };

        Assert.Equal(string.Empty, LiteralConverter.FromLiteral<FlyteFile>(literal).Format);
        Assert.Equal(new FlyteFile<Csv>("s3://bucket/a"), LiteralConverter.FromLiteral<FlyteFile<Csv>>(literal));
    }

    [Theory]
    [InlineData("s3://my-bucket/data/a b.csv")]
    [InlineData("gs://Bucket/Key")]
    [InlineData("file:///tmp/x.csv")]
    public void The_uri_of_a_literal_survives_a_round_trip_exactly(string uri)
    {
        var literal = File(uri, "csv");

        Assert.Equal(literal, LiteralConverter.ToLiteral(LiteralConverter.FromLiteral<FlyteFile<Csv>>(literal)));
        Assert.Equal(literal, LiteralConverter.ToLiteral(LiteralConverter.FromLiteral<FlyteFile>(literal)));
    }

    [Fact]
    public void A_bare_local_path_written_by_flytekit_reads_as_a_local_file()
    {
        var path = Path.Combine(Path.GetTempPath(), "flytekit-local.csv");

        var file = LiteralConverter.FromLiteral<FlyteFile>(File(path, string.Empty));

        Assert.Equal(path, file.LocalPath);
        Assert.Equal(path, LiteralConverter.ToLiteral(file).Scalar.Blob.Uri);
    }

    [Fact]
    public void A_relative_path_in_a_literal_is_resolved_against_the_current_directory()
    {
        var file = LiteralConverter.FromLiteral<FlyteFile>(File("relative/a.csv", string.Empty));

        Assert.Equal(Path.GetFullPath("relative/a.csv"), file.LocalPath);
    }

    [Fact]
    public void A_blob_without_a_uri_is_an_error()
    {
        var error = Assert.Throws<FlyteTypeException>(() => LiteralConverter.FromLiteral<FlyteFile>(File(string.Empty, "csv")));

        Assert.Contains("no URI", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_does_not_read_a_string()
    {
        var error = Assert.Throws<FlyteTypeException>(() => LiteralConverter.FromLiteral<FlyteFile<Csv>>(LiteralConverter.ToLiteral("s3://bucket/a.csv")));

        Assert.Contains("STRING primitive", error.Message, StringComparison.Ordinal);
        Assert.Contains("FlyteFile<Csv>", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_null_file_is_refused()
    {
        Assert.Throws<FlyteTypeException>(() => LiteralConverter.ToLiteral<FlyteFile<Csv>>(null!));
    }

    [Fact]
    public void A_format_type_without_the_attribute_is_an_unsupported_type()
    {
        var error = Assert.Throws<FlyteTypeException>(() => LiteralConverter.TypeOf<List<FlyteFile<NotAFormat>>>());

        Assert.Contains("NotAFormat", error.Message, StringComparison.Ordinal);
        Assert.Contains("[BlobFormat", error.Message, StringComparison.Ordinal);
        Assert.Contains("inside List<FlyteFile<NotAFormat>>", error.Message, StringComparison.Ordinal);
    }

    private sealed class NotAFormat;
}
