using CsCheck;
using FlyteSharp.Caching;
using FlyteSharp.Core;
using FlyteSharp.Hashing;
using Google.Protobuf.WellKnownTypes;
using M = FlyteSharp.Typing;
using P = Flyteidl.Core;

namespace FlyteSharp.Tests.Caching;

public sealed class DatasetVersionTests
{
    public static TheoryData<string> InterfaceNames => new(Interfaces.Keys.Order(StringComparer.Ordinal));

    // Each interface built twice, as the model the generator sees and as the protobuf Flyte sees.
    private static readonly Dictionary<string, (M.FlyteInterface Model, P.TypedInterface Proto)> Interfaces = new()
    {
        ["empty"] = Build([], []),
        ["all simple types"] = Build(
            [.. System.Enum.GetValues<M.SimpleKind>().Select(kind => ("v" + (int)kind, Simple(kind)))],
            [("o0", Simple(M.SimpleKind.String))]),
        ["blobs"] = Build(
            [("csv", Blob("csv", M.BlobDimensionality.Single)), ("any", Blob(string.Empty, M.BlobDimensionality.Single)), ("dir", Blob(string.Empty, M.BlobDimensionality.Multipart)), ("parquet_dir", Blob("parquet", M.BlobDimensionality.Multipart))],
            [("o0", Blob("csv", M.BlobDimensionality.Single))]),
        ["collections and maps"] = Build(
            [("ints", Collection(Simple(M.SimpleKind.Integer))), ("by_name", Map(Simple(M.SimpleKind.Float))), ("files", Collection(Blob("csv", M.BlobDimensionality.Single))), ("nested", Map(Collection(Map(Simple(M.SimpleKind.String)))))],
            [("o0", Map(Collection(Simple(M.SimpleKind.Boolean))))]),
        ["enums"] = Build([("color", Enumeration("red", "green", "blue")), ("empty", Enumeration())], [("o0", Enumeration("x"))]),
        ["unions with structure tags"] = Build(
            [("maybe", Union(Tagged(Simple(M.SimpleKind.Integer), "int"), Tagged(Simple(M.SimpleKind.None), "none"))),
             ("file_or_text", Union(Tagged(Blob("csv", M.BlobDimensionality.Single), "FlyteFile"), Tagged(Simple(M.SimpleKind.String), "str"))),
             ("empty_tag", Tagged(Simple(M.SimpleKind.Integer), string.Empty))],
            [("o0", Collection(Union(Tagged(Simple(M.SimpleKind.Float), "float"), Tagged(Simple(M.SimpleKind.None), "none"))))]),
        ["datasets and schemas"] = Build(
            [("frame", Dataset("parquet", ("id", Simple(M.SimpleKind.Integer)), ("tags", Collection(Simple(M.SimpleKind.String))))),
             ("any_frame", Dataset(string.Empty)),
             ("legacy", Schema(("a", M.SchemaColumnKind.Integer), ("b", M.SchemaColumnKind.Duration)))],
            [("o0", Dataset("csv", ("x", Simple(M.SimpleKind.Float))))]),
        ["nested everything"] = Build(
            [("deep", Map(Union(Tagged(Collection(Map(Blob("json", M.BlobDimensionality.Multipart))), "list"), Tagged(Enumeration("a", "b"), "enum"))))],
            [("o0", Simple(M.SimpleKind.Struct)), ("o1", Collection(Collection(Simple(M.SimpleKind.Datetime))))]),
    };

    [Theory]
    [MemberData(nameof(InterfaceNames))]
    public void Model_variable_map_hash_equals_the_protobuf_one(string name)
    {
        var (model, proto) = Interfaces[name];
        Assert.Equal(ProtoObjectHash.Default.Compute(proto.Inputs), TypeModelHash.OfVariableMap(model.Inputs));
        Assert.Equal(ProtoObjectHash.Default.Compute(proto.Outputs), TypeModelHash.OfVariableMap(model.Outputs));
    }

    [Theory]
    [MemberData(nameof(InterfaceNames))]
    public void Model_dataset_version_equals_propeller_on_the_stripped_interface(string name)
    {
        var (model, proto) = Interfaces[name];
        var modelVersion = DatasetVersion.Compute("1.0", model);

        Assert.Equal(modelVersion, CatalogDataset.Version("1.0", proto));

        // A registered task carries descriptions, type metadata and annotations; propeller strips them first.
        var registered = WithNoise(proto);
        Assert.Equal(modelVersion, CatalogDataset.Version("1.0", InterfaceStripping.Strip(registered)));
        if (proto.Inputs.Variables.Count > 0)
        {
            Assert.NotEqual(modelVersion, CatalogDataset.Version("1.0", registered));
        }
    }

    [Fact]
    public void Model_versions_match_flyte_golden_versions()
    {
        Assert.Equal(GoldenVectors.Get("dv_upstream_nil_interface").Expected, DatasetVersion.Compute("1.0.0", new M.FlyteInterface(default, default)));
        Assert.Equal(
            GoldenVectors.Get("dv_upstream_two_integers").Expected,
            DatasetVersion.Compute("1.0.0", Build([("1", Simple(M.SimpleKind.Integer)), ("2", Simple(M.SimpleKind.Integer))], []).Model));
        Assert.Equal(
            GoldenVectors.Get("dv_all_simple_types").Expected,
            DatasetVersion.Compute("1.0", Build(
                [("b", Simple(M.SimpleKind.Boolean)), ("bin", Simple(M.SimpleKind.Binary)), ("dt", Simple(M.SimpleKind.Datetime)), ("du", Simple(M.SimpleKind.Duration)),
                 ("err", Simple(M.SimpleKind.Error)), ("f", Simple(M.SimpleKind.Float)), ("i", Simple(M.SimpleKind.Integer)), ("none", Simple(M.SimpleKind.None)),
                 ("s", Simple(M.SimpleKind.String)), ("st", Simple(M.SimpleKind.Struct))],
                [("o0", Simple(M.SimpleKind.String))]).Model));
        Assert.Equal(GoldenVectors.Get("dv_blob_csv_single").Expected, DatasetVersion.Compute("1.0", Build([("a", Blob("csv", M.BlobDimensionality.Single))], []).Model));
        Assert.Equal(GoldenVectors.Get("dv_collection_of_int").Expected, DatasetVersion.Compute("1.0", Build([("a", Collection(Simple(M.SimpleKind.Integer)))], []).Model));
        Assert.Equal(GoldenVectors.Get("dv_enum").Expected, DatasetVersion.Compute("1.0", Build([("a", Enumeration("red", "green", "blue"))], []).Model));
        Assert.Equal(
            GoldenVectors.Get("dv_union_optional_int").Expected,
            DatasetVersion.Compute("1.0", Build([("a", Union(Tagged(Simple(M.SimpleKind.Integer), "int"), Tagged(Simple(M.SimpleKind.None), "none")))], []).Model));
    }

    [Fact]
    public void Random_types_hash_alike_in_the_model_and_in_protobuf() =>
        RandomTypes.Sample(pair =>
        {
            Assert.Equal(ProtoObjectHash.Default.Compute(pair.Proto), TypeModelHash.OfLiteralType(pair.Model));
            var variables = new P.VariableMap { Variables = { ["x"] = new P.Variable { Type = pair.Proto, Description = "d" } } };
            Assert.Equal(ProtoObjectHash.Default.Compute(variables), TypeModelHash.OfVariableMap([new M.FlyteVariable("x", pair.Model, "d")]));
        }, iter: 300);

    [Theory]
    [InlineData("1.0", "1.0")]
    [InlineData("  1.0  ", "1.0")]
    [InlineData("\t1.0", "\t1.0")]
    [InlineData(" v 2 ", "v 2")]
    public void Only_spaces_are_trimmed_from_the_cache_version(string given, string expectedPrefix)
    {
        var model = Interfaces["enums"].Model;
        var version = DatasetVersion.Compute(given, model);
        Assert.StartsWith(expectedPrefix + "-", version, StringComparison.Ordinal);
        Assert.Equal(version, CatalogDataset.Version(given, Interfaces["enums"].Proto));
        Assert.Equal(expectedPrefix.Length + 18, version.Length);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void An_empty_cache_version_is_refused(string? version)
    {
        Assert.Throws<ArgumentException>(() => DatasetVersion.Compute(version!, Interfaces["empty"].Model));
        Assert.Throws<ArgumentException>(() => CatalogDataset.Version(version!, Interfaces["empty"].Proto));
    }

    [Fact]
    public void Malformed_models_are_refused()
    {
        var twice = new M.FlyteInterface(EquatableArray.Create(new M.FlyteVariable("a", new M.SimpleType(M.SimpleKind.Integer)), new M.FlyteVariable("a", new M.SimpleType(M.SimpleKind.String))), default);
        Assert.Throws<ArgumentException>(() => DatasetVersion.Compute("1", twice));
        // The model refuses holes when built, so the hasher never sees a variable without a type or a blob without a format.
        Assert.Throws<ArgumentNullException>(() => new M.FlyteVariable("a", null!));
        Assert.Throws<ArgumentNullException>(() => new M.BlobType(null!, M.BlobDimensionality.Single));
    }

    [Fact]
    public void Missing_and_empty_variable_maps_hash_as_the_empty_map()
    {
        const string Expected = "1-GKw-c0Pw-GKw-c0Pw";
        Assert.Equal(Expected, CatalogDataset.Version("1", null));
        Assert.Equal(Expected, CatalogDataset.Version("1", new P.TypedInterface()));
        Assert.Equal(Expected, CatalogDataset.Version("1", new P.TypedInterface { Inputs = new P.VariableMap(), Outputs = new P.VariableMap() }));
        Assert.Equal(Expected, DatasetVersion.Compute("1", new M.FlyteInterface(default, default)));
    }

    [Fact]
    public void Dataset_name_prefixes_the_task_name()
    {
        Assert.Equal("flyte_task-sales.tasks.clean", CatalogDataset.Name("sales.tasks.clean"));
        Assert.Throws<ArgumentException>(() => CatalogDataset.Name(string.Empty));
    }

    [Fact]
    public void Unknown_enum_numbers_in_the_model_hash_as_numbers_like_jsonpb()
    {
        var model = new M.SimpleType((M.SimpleKind)42);
        Assert.Equal(ProtoObjectHash.Default.Compute(new P.LiteralType { Simple = (P.SimpleType)42 }), TypeModelHash.OfLiteralType(model));
        var blob = new M.BlobType("csv", (M.BlobDimensionality)3);
        Assert.Equal(
            ProtoObjectHash.Default.Compute(new P.LiteralType { Blob = new P.BlobType { Format = "csv", Dimensionality = (P.BlobType.Types.BlobDimensionality)3 } }),
            TypeModelHash.OfLiteralType(blob));
    }

    internal sealed record TypePair(M.FlyteType Model, P.LiteralType Proto);

    private static readonly Gen<TypePair> RandomTypes = Gen.Recursive<TypePair>((depth, inner) =>
    {
        var leaf = Gen.OneOf(
            Gen.Enum<M.SimpleKind>().Select(Simple),
            Gen.Select(LiteralGenerators.Text, Gen.Int[0, 1], (format, dimensionality) => Blob(format, (M.BlobDimensionality)dimensionality)),
            LiteralGenerators.Text.Array[0, 3].Select(values => Enumeration(values)),
            Gen.Select(LiteralGenerators.Text, Gen.Int[0, 5], (column, kind) => Schema((column, (M.SchemaColumnKind)kind))));
        var tagged = Gen.Select(leaf, Gen.Frequency((3, Gen.Const((string?)null)), (1, LiteralGenerators.Text.Select(t => (string?)t))), (type, tag) => tag is null ? type : Tagged(type, tag));
        if (depth >= 3)
        {
            return tagged;
        }

        return Gen.Frequency(
            (3, tagged),
            (1, inner.Select(Collection)),
            (1, inner.Select(Map)),
            (1, inner.Array[0, 3].Select(Union)),
            (1, Gen.Select(LiteralGenerators.Text, inner, (format, column) => Dataset(format, ("c", column)))));
    });

    private static (M.FlyteInterface Model, P.TypedInterface Proto) Build((string Name, TypePair Type)[] inputs, (string Name, TypePair Type)[] outputs)
    {
        var model = new M.FlyteInterface(
            inputs.Select(v => new M.FlyteVariable(v.Name, v.Type.Model)).ToEquatableArray(),
            outputs.Select(v => new M.FlyteVariable(v.Name, v.Type.Model)).ToEquatableArray());
        var proto = new P.TypedInterface { Inputs = new P.VariableMap(), Outputs = new P.VariableMap() };
        foreach (var (variableName, type) in inputs)
        {
            proto.Inputs.Variables[variableName] = new P.Variable { Type = type.Proto.Clone() };
        }

        foreach (var (variableName, type) in outputs)
        {
            proto.Outputs.Variables[variableName] = new P.Variable { Type = type.Proto.Clone() };
        }

        return (model, proto);
    }

    // What a registered interface carries that the compiler strips: descriptions, metadata, plain annotations.
    private static P.TypedInterface WithNoise(P.TypedInterface taskInterface)
    {
        var noisy = taskInterface.Clone();
        foreach (var variable in noisy.Inputs.Variables.Values.Concat(noisy.Outputs.Variables.Values))
        {
            variable.Description = "documented";
            AddNoise(variable.Type);
        }

        return noisy;
    }

    private static void AddNoise(P.LiteralType type)
    {
        type.Metadata = new Struct { Fields = { ["python_class_name"] = Value.ForString("x") } };
        type.Annotation = new P.TypeAnnotation { Annotations = new Struct { Fields = { ["ui"] = Value.ForBool(true) } } };
        var children = type.TypeCase switch
        {
            P.LiteralType.TypeOneofCase.CollectionType => [type.CollectionType],
            P.LiteralType.TypeOneofCase.MapValueType => [type.MapValueType],
            P.LiteralType.TypeOneofCase.UnionType => type.UnionType.Variants.ToList(),
            P.LiteralType.TypeOneofCase.StructuredDatasetType => type.StructuredDatasetType.Columns.Select(c => c.LiteralType).ToList(),
            _ => new List<P.LiteralType>(),
        };
        foreach (var child in children)
        {
            AddNoise(child);
        }
    }

    private static TypePair Simple(M.SimpleKind kind) => new(new M.SimpleType(kind), new P.LiteralType { Simple = (P.SimpleType)kind });

    private static TypePair Blob(string format, M.BlobDimensionality dimensionality) =>
        new(new M.BlobType(format, dimensionality), new P.LiteralType { Blob = new P.BlobType { Format = format, Dimensionality = (P.BlobType.Types.BlobDimensionality)dimensionality } });

    private static TypePair Collection(TypePair element) => new(new M.CollectionType(element.Model), new P.LiteralType { CollectionType = element.Proto.Clone() });

    private static TypePair Map(TypePair value) => new(new M.MapType(value.Model), new P.LiteralType { MapValueType = value.Proto.Clone() });

    private static TypePair Enumeration(params string[] values) =>
        new(new M.EnumType(values.ToEquatableArray()), new P.LiteralType { EnumType = new P.EnumType { Values = { values } } });

    private static TypePair Union(params TypePair[] variants) =>
        new(new M.UnionType(variants.Select(v => v.Model).ToEquatableArray()), new P.LiteralType { UnionType = new P.UnionType { Variants = { variants.Select(v => v.Proto.Clone()) } } });

    private static TypePair Tagged(TypePair type, string tag)
    {
        var proto = type.Proto.Clone();
        proto.Structure = new P.TypeStructure { Tag = tag };
        return new(type.Model with { StructureTag = tag }, proto);
    }

    private static TypePair Dataset(string format, params (string Name, TypePair Type)[] columns) =>
        new(
            new M.StructuredDatasetType(columns.Select(c => new M.DatasetColumn(c.Name, c.Type.Model)).ToEquatableArray(), format),
            new P.LiteralType
            {
                StructuredDatasetType = new P.StructuredDatasetType
                {
                    Format = format,
                    Columns = { columns.Select(c => new P.StructuredDatasetType.Types.DatasetColumn { Name = c.Name, LiteralType = c.Type.Proto.Clone() }) },
                },
            });

    private static TypePair Schema(params (string Name, M.SchemaColumnKind Kind)[] columns) =>
        new(
            new M.SchemaType(columns.Select(c => new M.SchemaColumn(c.Name, c.Kind)).ToEquatableArray()),
            new P.LiteralType
            {
                Schema = new P.SchemaType
                {
                    Columns = { columns.Select(c => new P.SchemaType.Types.SchemaColumn { Name = c.Name, Type = (P.SchemaType.Types.SchemaColumn.Types.SchemaColumnType)c.Kind }) },
                },
            });
}
