using FlyteSharp.Formats;

namespace FlyteSharp.Tests.Types;

public sealed class FlyteDirectoryTests
{
    [Fact]
    public void A_local_directory_becomes_an_absolute_file_uri()
    {
        var directory = new FlyteDirectory("out");

        Assert.True(directory.Uri.IsFile);
        Assert.Equal(Path.GetFullPath("out"), directory.LocalPath);
        Assert.Equal(string.Empty, directory.Format);
    }

    [Fact]
    public void A_remote_prefix_is_kept_as_written()
    {
        var directory = new FlyteDirectory<Parquet>("gs://bucket/prefix/");

        Assert.Equal("gs://bucket/prefix/", directory.ToString());
        Assert.Null(directory.LocalPath);
        Assert.Equal("parquet", directory.Format);
    }

    [Fact]
    public void Untyped_converts_to_typed_by_the_lenient_rule()
    {
        FlyteDirectory<Parquet> fromUnknown = new FlyteDirectory("gs://bucket/p/");
        FlyteDirectory<Parquet> fromSame = new FlyteDirectory(new Uri("gs://bucket/p/"), "Parquet");

        Assert.Equal(fromUnknown, fromSame);
    }

    [Fact]
    public void Untyped_with_another_format_fails_naming_both()
    {
        var csv = new FlyteDirectory(new Uri("gs://bucket/p/"), "csv");

        var error = Assert.Throws<FlyteTypeException>(() => csv.As<Parquet>());

        Assert.Contains("\"csv\"", error.Message, StringComparison.Ordinal);
        Assert.Contains("\"parquet\"", error.Message, StringComparison.Ordinal);
        Assert.Contains("FlyteDirectory<Parquet>", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Typed_widens_and_remembers_its_format()
    {
        FlyteDirectory untyped = new FlyteDirectory<Tensorboard>("s3://bucket/logs/");

        Assert.Equal("tensorboard", untyped.Format);
        Assert.NotEqual(new FlyteDirectory("s3://bucket/logs/"), untyped);
        Assert.Equal(new FlyteDirectory(new Uri("s3://bucket/logs/"), "tensorboard"), untyped);
    }
}
