// Mirrors the names flytekit writes (flytekit/core/type_engine.py: the transformer names used as union variant
// tags by UnionTransformer; flytekit/types/file/__init__.py and flytekit/types/directory/__init__.py: the
// predefined blob format names). Shared with the generator, which must emit the same tags and formats.
using System;
using FlyteSharp.Core;

namespace FlyteSharp.Typing;

/// <summary>
/// The strings flytekit writes into Flyte types, so that values FlyteSharp writes and values flytekit writes are
/// the same literals: union variant tags (<c>structure.tag</c>) and the predefined blob format names.
/// </summary>
public static class FlytekitNames
{
    /// <summary>
    /// Union variant tags. flytekit tags each variant of a union type, and the stored type of a union literal,
    /// with the name of the type transformer that handles the variant's Python type.
    /// </summary>
    public static class UnionTags
    {
        /// <summary><c>int</c> (IntTransformer): INTEGER.</summary>
        public const string Integer = "int";

        /// <summary><c>float</c> (FloatTransformer): FLOAT.</summary>
        public const string Float = "float";

        /// <summary><c>str</c> (StrTransformer): STRING.</summary>
        public const string String = "str";

        /// <summary><c>bool</c> (BoolTransformer): BOOLEAN.</summary>
        public const string Boolean = "bool";

        /// <summary><c>datetime</c> (DatetimeTransformer): DATETIME.</summary>
        public const string Datetime = "datetime";

        /// <summary><c>timedelta</c> (TimedeltaTransformer): DURATION.</summary>
        public const string Duration = "timedelta";

        /// <summary><c>none</c> (NoneTransformer): NONE, the null variant of an optional.</summary>
        public const string None = "none";

        /// <summary><c>FlyteFilePath</c> (FlyteFilePathTransformer): a SINGLE blob.</summary>
        public const string File = "FlyteFilePath";

        /// <summary><c>FlyteDirectory</c> (FlyteDirToMultipartBlobTransformer): a MULTIPART blob.</summary>
        public const string Directory = "FlyteDirectory";

        /// <summary><c>DefaultEnumTransformer</c> (EnumTransformer): an enum.</summary>
        public const string Enum = "DefaultEnumTransformer";

        /// <summary><c>Typed List</c> (ListTransformer): a collection.</summary>
        public const string Collection = "Typed List";

        /// <summary><c>Typed Dict</c> (DictTransformer): a string-keyed map.</summary>
        public const string Map = "Typed Dict";

        /// <summary><c>Typed Union</c> (UnionTransformer): a union nested in a union.</summary>
        public const string Union = "Typed Union";
    }

    /// <summary>
    /// Blob format names. flytekit predefines most of these as <c>FlyteFile[...]</c> aliases; <c>parquet</c> and
    /// <c>json</c> are the names flytekit uses for those formats elsewhere (structured datasets, file extensions).
    /// </summary>
    public static class Formats
    {
        /// <summary><c>csv</c> (flytekit <c>CSVFile</c>).</summary>
        public const string Csv = "csv";

        /// <summary><c>parquet</c> (flytekit's structured dataset format name).</summary>
        public const string Parquet = "parquet";

        /// <summary><c>json</c>.</summary>
        public const string Json = "json";

        /// <summary><c>jsonl</c> (flytekit <c>JSONLFile</c>).</summary>
        public const string Jsonl = "jsonl";

        /// <summary><c>pdf</c> (flytekit <c>PDFFile</c>).</summary>
        public const string Pdf = "pdf";

        /// <summary><c>png</c> (flytekit <c>PNGImageFile</c>).</summary>
        public const string Png = "png";

        /// <summary><c>jpeg</c> (flytekit <c>JPEGImageFile</c>).</summary>
        public const string Jpeg = "jpeg";

        /// <summary><c>svg</c> (flytekit <c>SVGImageFile</c>).</summary>
        public const string Svg = "svg";

        /// <summary><c>html</c> (flytekit <c>HTMLPage</c>).</summary>
        public const string Html = "html";

        /// <summary><c>onnx</c> (flytekit <c>ONNXFile</c>).</summary>
        public const string Onnx = "onnx";

        /// <summary><c>hdf5</c> (flytekit <c>HDF5EncodedFile</c>).</summary>
        public const string Hdf5 = "hdf5";

        /// <summary><c>joblib</c> (flytekit <c>JoblibSerializedFile</c>).</summary>
        public const string Joblib = "joblib";

        /// <summary><c>python_pickle</c> (flytekit <c>PythonPickledFile</c>).</summary>
        public const string PythonPickle = "python_pickle";

        /// <summary><c>tfrecord</c> (flytekit <c>TFRecordFile</c>).</summary>
        public const string TFRecord = "tfrecord";

        /// <summary><c>ipynb</c> (flytekit <c>PythonNotebook</c>).</summary>
        public const string Ipynb = "ipynb";

        /// <summary><c>tensorboard</c> (flytekit <c>TensorboardLogs</c>, a directory).</summary>
        public const string Tensorboard = "tensorboard";

        /// <summary><c>tfrecords_dir</c> (flytekit <c>TFRecordsDirectory</c>, a directory).</summary>
        public const string TFRecordsDirectory = "tfrecords_dir";
    }

    /// <summary>
    /// The tag flytekit gives a union variant of type <paramref name="type"/>. Throws for types flytekit has no
    /// single transformer for (structured datasets and schemas depend on the Python class).
    /// </summary>
    public static string UnionTagOf(FlyteType type)
    {
#if NET
        ArgumentNullException.ThrowIfNull(type);
#else
        if (type is null)
        {
            throw new ArgumentNullException(nameof(type));
        }
#endif

        return type switch
        {
            SimpleType simple => simple.Kind switch
            {
                SimpleKind.Integer => UnionTags.Integer,
                SimpleKind.Float => UnionTags.Float,
                SimpleKind.String => UnionTags.String,
                SimpleKind.Boolean => UnionTags.Boolean,
                SimpleKind.Datetime => UnionTags.Datetime,
                SimpleKind.Duration => UnionTags.Duration,
                SimpleKind.None => UnionTags.None,
                _ => throw new ArgumentException("flytekit has no union tag for the simple type " + simple + ".", nameof(type)),
            },
            BlobType blob => blob.Dimensionality == BlobDimensionality.Single ? UnionTags.File : UnionTags.Directory,
            CollectionType => UnionTags.Collection,
            MapType => UnionTags.Map,
            EnumType => UnionTags.Enum,
            UnionType => UnionTags.Union,
            _ => throw new ArgumentException("flytekit has no union tag for the type " + type + ".", nameof(type)),
        };
    }

    /// <summary>
    /// The union flytekit writes for <c>Optional[T]</c>, which is the Flyte type of a C# <c>T?</c>:
    /// <c>[T tagged with its transformer name, NONE tagged "none"]</c>, in that order.
    /// </summary>
    public static UnionType NullableUnion(FlyteType variant)
    {
#if NET
        ArgumentNullException.ThrowIfNull(variant);
#else
        if (variant is null)
        {
            throw new ArgumentNullException(nameof(variant));
        }
#endif

        return new UnionType(EquatableArray.Create<FlyteType>(
            variant with { StructureTag = UnionTagOf(variant) },
            new SimpleType(SimpleKind.None) { StructureTag = UnionTags.None }));
    }
}
