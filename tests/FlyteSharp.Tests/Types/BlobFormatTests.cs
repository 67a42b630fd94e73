using System.Reflection;
using FlyteSharp.Typing;

namespace FlyteSharp.Tests.Types;

public sealed class BlobFormatTests
{
    // flytekit/types/file/__init__.py and flytekit/types/directory/__init__.py, plus parquet and json.
    private static readonly (Type Format, string Name)[] Expected =
    [
        (typeof(Formats.Csv), "csv"),
        (typeof(Formats.Parquet), "parquet"),
        (typeof(Formats.Json), "json"),
        (typeof(Formats.Jsonl), "jsonl"),
        (typeof(Formats.Pdf), "pdf"),
        (typeof(Formats.Png), "png"),
        (typeof(Formats.Jpeg), "jpeg"),
        (typeof(Formats.Svg), "svg"),
        (typeof(Formats.Html), "html"),
        (typeof(Formats.Onnx), "onnx"),
        (typeof(Formats.Hdf5), "hdf5"),
        (typeof(Formats.Joblib), "joblib"),
        (typeof(Formats.PythonPickle), "python_pickle"),
        (typeof(Formats.TFRecord), "tfrecord"),
        (typeof(Formats.Ipynb), "ipynb"),
        (typeof(Formats.Tensorboard), "tensorboard"),
        (typeof(Formats.TFRecordsDirectory), "tfrecords_dir"),
    ];

    public static TheoryData<Type, string> WellKnown()
    {
        var data = new TheoryData<Type, string>();
        foreach (var (format, name) in Expected)
        {
            data.Add(format, name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(WellKnown))]
    public void Each_built_in_format_carries_flytekits_name(Type format, string name)
    {
        Assert.Equal(name, format.GetCustomAttribute<BlobFormatAttribute>()!.Name);
    }

    [Fact]
    public void Every_format_type_in_the_namespace_is_listed_and_every_shared_name_has_a_type()
    {
        var formatTypes = typeof(BlobFormatAttribute).Assembly.GetExportedTypes()
            .Where(type => type.Namespace == "FlyteSharp.Formats")
            .ToHashSet();
        var listed = Expected.Select(row => row.Format).ToHashSet();
        var sharedNames = typeof(FlytekitNames.Formats).GetFields()
            .Select(field => (string)field.GetRawConstantValue()!)
            .ToHashSet(StringComparer.Ordinal);

        Assert.Equal(listed.OrderBy(t => t.Name), formatTypes.OrderBy(t => t.Name));
        Assert.Equal(
            sharedNames.Order(StringComparer.Ordinal),
            formatTypes.Select(t => t.GetCustomAttribute<BlobFormatAttribute>()!.Name).Order(StringComparer.Ordinal));
    }
}
