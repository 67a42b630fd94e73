using FlyteSharp.Formats;

namespace FlyteSharp.Tests.Types;

public sealed class FlyteFileTests
{
    [Fact]
    public void A_relative_path_becomes_an_absolute_file_uri()
    {
        var file = new FlyteFile(Path.Combine("data", "sales.csv"));

        Assert.True(file.Uri.IsFile);
        Assert.StartsWith("file:///", file.Uri.OriginalString, StringComparison.Ordinal);
        Assert.Equal(Path.GetFullPath(Path.Combine("data", "sales.csv")), file.LocalPath);
        Assert.Equal(string.Empty, file.Format);
    }

    [Fact]
    public void A_path_with_spaces_and_percent_signs_keeps_its_local_path()
    {
        var path = Path.Combine(Path.GetTempPath(), "a b", "100%.csv");

        var file = new FlyteFile(path);

        Assert.Equal(path, file.LocalPath);
        Assert.Contains("a%20b/100%25.csv", file.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_remote_uri_string_is_taken_as_a_uri_and_has_no_local_path()
    {
        var file = new FlyteFile("s3://bucket/raw/sales.csv");

        Assert.Equal("s3://bucket/raw/sales.csv", file.ToString());
        Assert.Equal("s3", file.Uri.Scheme);
        Assert.Null(file.LocalPath);
    }

    [Fact]
    public void A_file_uri_string_is_not_mistaken_for_a_relative_path()
    {
        var path = Path.Combine(Path.GetTempPath(), "x.csv");
        var fromUriString = new FlyteFile(new Uri(path).AbsoluteUri);

        Assert.Equal(path, fromUriString.LocalPath);
        Assert.Equal(new FlyteFile(path), fromUriString);
    }

    [Fact]
    public void A_relative_uri_is_rejected_with_a_hint()
    {
        var error = Assert.Throws<ArgumentException>(() => new FlyteFile(new Uri("data/x.csv", UriKind.Relative)));

        Assert.Contains("must be absolute", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_or_null_paths_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => new FlyteFile("  "));
        Assert.Throws<ArgumentNullException>(() => new FlyteFile((string)null!));
        Assert.Throws<ArgumentNullException>(() => new FlyteFile((Uri)null!));
    }

    [Fact]
    public void Equality_is_by_location_and_format()
    {
        var path = Path.Combine(Path.GetTempPath(), "x.csv");
        var a = new FlyteFile(path);
        var b = new FlyteFile(new Uri(path));
        var parquet = new FlyteFile(new Uri(path), "parquet");
        var elsewhere = new FlyteFile(Path.Combine(Path.GetTempPath(), "y.csv"));

        Assert.Equal(a, b);
        Assert.True(a == b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, parquet);
        Assert.True(a != parquet);
        Assert.NotEqual(a, elsewhere);
        Assert.False(a.Equals(null));
        Assert.False(a.Equals((object)path));
    }

    [Fact]
    public void Typed_files_are_equal_by_location()
    {
        var a = new FlyteFile<Csv>("s3://bucket/a.csv");

        Assert.Equal(a, new FlyteFile<Csv>(new Uri("s3://bucket/a.csv")));
        Assert.NotEqual(a, new FlyteFile<Csv>("s3://bucket/b.csv"));
        Assert.Equal("csv", a.Format);
        Assert.Equal("s3://bucket/a.csv", a.ToString());
    }

    [Fact]
    public void An_untyped_file_of_unknown_format_converts_implicitly_to_a_typed_file()
    {
        var untyped = new FlyteFile("s3://bucket/a.csv");

        FlyteFile<Csv> typed = untyped;

        Assert.Equal(untyped.Uri, typed.Uri);
        Assert.Equal("csv", typed.Format);
    }

    [Fact]
    public void An_untyped_file_of_the_same_format_in_another_case_converts()
    {
        var untyped = new FlyteFile(new Uri("s3://bucket/a.csv"), "CSV");

        var typed = untyped.As<Csv>();

        Assert.Equal(untyped.Uri, typed.Uri);
    }

    [Fact]
    public void An_untyped_file_whose_actual_format_differs_fails_naming_both_formats()
    {
        var parquet = new FlyteFile(new Uri("s3://bucket/a.parquet"), "parquet");

        var error = Assert.Throws<FlyteTypeException>(() =>
        {
            FlyteFile<Csv> typed = parquet;
            return typed;
        });

        Assert.Contains("\"parquet\"", error.Message, StringComparison.Ordinal);
        Assert.Contains("\"csv\"", error.Message, StringComparison.Ordinal);
        Assert.Contains("FlyteFile<Csv>", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_typed_file_widens_to_an_untyped_file_that_remembers_its_format()
    {
        var typed = new FlyteFile<Parquet>("s3://bucket/a.parquet");

        FlyteFile untyped = typed;

        Assert.Equal("parquet", untyped.Format);
        Assert.Equal(typed.Uri, untyped.Uri);
        Assert.Throws<FlyteTypeException>(() => untyped.As<Csv>());
        Assert.Equal(typed, untyped.As<Parquet>());
    }

    [Fact]
    public void Null_converts_to_null_both_ways()
    {
        FlyteFile? none = null;
        FlyteFile<Csv>? typedNone = none;
        FlyteFile? back = typedNone;

        Assert.Null(typedNone);
        Assert.Null(back);
    }

    [Fact]
    public void A_format_type_without_the_attribute_fails_on_construction()
    {
        var error = Assert.Throws<FlyteTypeException>(() => new FlyteFile<NotAFormat>("s3://bucket/a"));

        Assert.Contains("NotAFormat", error.Message, StringComparison.Ordinal);
        Assert.Contains("[BlobFormat", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_user_defined_format_works_like_a_built_in_one()
    {
        var file = new FlyteFile<Avro>("s3://bucket/a.avro");

        Assert.Equal("avro", file.Format);
        Assert.Equal("avro", ((FlyteFile)file).Format);
    }

    [Fact]
    public void BlobFormat_rejects_an_empty_name()
    {
        Assert.Throws<ArgumentException>(() => new BlobFormatAttribute(" "));
    }

    private sealed class NotAFormat;

    [BlobFormat("avro")]
    private readonly struct Avro;
}
