// The names are flytekit's (flytekit/types/file/__init__.py, flytekit/types/directory/__init__.py), kept in
// FlytekitNames.Formats so the generator sees the same strings.
using FlyteSharp.Typing;

namespace FlyteSharp.Formats;

/// <summary>Format <c>csv</c>: CSV files (flytekit <c>CSVFile</c>).</summary>
[BlobFormat(FlytekitNames.Formats.Csv)]
public sealed class Csv
{
    private Csv()
    {
    }
}

/// <summary>Format <c>parquet</c>: Apache Parquet files or datasets.</summary>
[BlobFormat(FlytekitNames.Formats.Parquet)]
public sealed class Parquet
{
    private Parquet()
    {
    }
}

/// <summary>Format <c>json</c>: JSON documents.</summary>
[BlobFormat(FlytekitNames.Formats.Json)]
public sealed class Json
{
    private Json()
    {
    }
}

/// <summary>Format <c>jsonl</c>: JSON Lines files (flytekit <c>JSONLFile</c>).</summary>
[BlobFormat(FlytekitNames.Formats.Jsonl)]
public sealed class Jsonl
{
    private Jsonl()
    {
    }
}

/// <summary>Format <c>pdf</c>: PDF documents (flytekit <c>PDFFile</c>).</summary>
[BlobFormat(FlytekitNames.Formats.Pdf)]
public sealed class Pdf
{
    private Pdf()
    {
    }
}

/// <summary>Format <c>png</c>: PNG images (flytekit <c>PNGImageFile</c>).</summary>
[BlobFormat(FlytekitNames.Formats.Png)]
public sealed class Png
{
    private Png()
    {
    }
}

/// <summary>Format <c>jpeg</c>: JPEG images (flytekit <c>JPEGImageFile</c>).</summary>
[BlobFormat(FlytekitNames.Formats.Jpeg)]
public sealed class Jpeg
{
    private Jpeg()
    {
    }
}

/// <summary>Format <c>svg</c>: SVG images (flytekit <c>SVGImageFile</c>).</summary>
[BlobFormat(FlytekitNames.Formats.Svg)]
public sealed class Svg
{
    private Svg()
    {
    }
}

/// <summary>Format <c>html</c>: HTML pages (flytekit <c>HTMLPage</c>).</summary>
[BlobFormat(FlytekitNames.Formats.Html)]
public sealed class Html
{
    private Html()
    {
    }
}

/// <summary>Format <c>onnx</c>: ONNX models (flytekit <c>ONNXFile</c>).</summary>
[BlobFormat(FlytekitNames.Formats.Onnx)]
public sealed class Onnx
{
    private Onnx()
    {
    }
}

/// <summary>Format <c>hdf5</c>: HDF5 files (flytekit <c>HDF5EncodedFile</c>).</summary>
[BlobFormat(FlytekitNames.Formats.Hdf5)]
public sealed class Hdf5
{
    private Hdf5()
    {
    }
}

/// <summary>Format <c>joblib</c>: joblib dumps (flytekit <c>JoblibSerializedFile</c>).</summary>
[BlobFormat(FlytekitNames.Formats.Joblib)]
public sealed class Joblib
{
    private Joblib()
    {
    }
}

/// <summary>Format <c>python_pickle</c>: Python pickles (flytekit <c>PythonPickledFile</c>).</summary>
[BlobFormat(FlytekitNames.Formats.PythonPickle)]
public sealed class PythonPickle
{
    private PythonPickle()
    {
    }
}

/// <summary>Format <c>tfrecord</c>: TensorFlow record files (flytekit <c>TFRecordFile</c>).</summary>
[BlobFormat(FlytekitNames.Formats.TFRecord)]
public sealed class TFRecord
{
    private TFRecord()
    {
    }
}

/// <summary>Format <c>ipynb</c>: Jupyter notebooks (flytekit <c>PythonNotebook</c>).</summary>
[BlobFormat(FlytekitNames.Formats.Ipynb)]
public sealed class Ipynb
{
    private Ipynb()
    {
    }
}

/// <summary>Format <c>tensorboard</c>: TensorBoard log directories (flytekit <c>TensorboardLogs</c>).</summary>
[BlobFormat(FlytekitNames.Formats.Tensorboard)]
public sealed class Tensorboard
{
    private Tensorboard()
    {
    }
}

/// <summary>Format <c>tfrecords_dir</c>: Directories of TensorFlow records (flytekit <c>TFRecordsDirectory</c>).</summary>
[BlobFormat(FlytekitNames.Formats.TFRecordsDirectory)]
public sealed class TFRecordsDirectory
{
    private TFRecordsDirectory()
    {
    }
}
