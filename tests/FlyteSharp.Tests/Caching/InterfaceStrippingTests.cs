using Flyteidl.Core;
using FlyteSharp.Caching;
using Google.Protobuf.WellKnownTypes;

namespace FlyteSharp.Tests.Caching;

public sealed class InterfaceStrippingTests
{
    public static TheoryData<string> VersionedVectors =>
        new(GoldenVectors.Vectors.Where(v => v.Kind == "dataset_version" && !v.ExpectedError).Select(v => v.Name));

    [Fact]
    public void Descriptions_metadata_and_plain_annotations_go_at_every_depth()
    {
        var original = Interface(Decorated(new LiteralType
        {
            UnionType = new UnionType
            {
                Variants =
                {
                    Decorated(new LiteralType { CollectionType = Decorated(new LiteralType { Simple = SimpleType.Integer }) }),
                    Decorated(new LiteralType { MapValueType = Decorated(new LiteralType { Simple = SimpleType.String }) }),
                    Decorated(new LiteralType
                    {
                        StructuredDatasetType = new StructuredDatasetType
                        {
                            Format = "parquet",
                            Columns = { new StructuredDatasetType.Types.DatasetColumn { Name = "c", LiteralType = Decorated(new LiteralType { Simple = SimpleType.Float }) } },
                        },
                    }),
                    Decorated(new LiteralType
                    {
                        Simple = SimpleType.Struct,
                        Structure = new TypeStructure { Tag = "dc", DataclassType = { ["field"] = Decorated(new LiteralType { Simple = SimpleType.Boolean }) } },
                    }),
                },
            },
        }));
        var before = original.Clone();

        var stripped = InterfaceStripping.Strip(original)!;

        Assert.Equal(before, original);
        var expected = Interface(new LiteralType
        {
            UnionType = new UnionType
            {
                Variants =
                {
                    new LiteralType { CollectionType = new LiteralType { Simple = SimpleType.Integer } },
                    new LiteralType { MapValueType = new LiteralType { Simple = SimpleType.String } },
                    new LiteralType
                    {
                        StructuredDatasetType = new StructuredDatasetType
                        {
                            Format = "parquet",
                            Columns = { new StructuredDatasetType.Types.DatasetColumn { Name = "c", LiteralType = new LiteralType { Simple = SimpleType.Float } } },
                        },
                    },
                    new LiteralType
                    {
                        Simple = SimpleType.Struct,
                        Structure = new TypeStructure { Tag = "dc", DataclassType = { ["field"] = new LiteralType { Simple = SimpleType.Boolean } } },
                    },
                },
            },
        });
        expected.Inputs.Variables["x"].Description = string.Empty;
        expected.Outputs.Variables["o0"].Description = string.Empty;
        Assert.Equal(expected, stripped);
    }

    [Fact]
    public void An_annotation_holding_cache_key_metadata_is_kept_whole()
    {
        var annotation = new TypeAnnotation
        {
            Annotations = new Struct { Fields = { ["cache-key-metadata"] = Value.ForString("v2"), ["other"] = Value.ForNumber(1) } },
        };
        var type = new LiteralType { Simple = SimpleType.Integer, Annotation = annotation, Metadata = new Struct() };

        var stripped = InterfaceStripping.Strip(type)!;

        Assert.Equal(annotation, stripped.Annotation);
        Assert.Null(stripped.Metadata);
        Assert.NotEqual(
            CatalogDataset.Version("1", InterfaceStripping.Strip(Interface(new LiteralType { Simple = SimpleType.Integer }))),
            CatalogDataset.Version("1", InterfaceStripping.Strip(Interface(type))));
    }

    [Fact]
    public void An_annotation_without_annotations_is_dropped()
    {
        var stripped = InterfaceStripping.Strip(new LiteralType { Simple = SimpleType.Integer, Annotation = new TypeAnnotation() })!;
        Assert.Null(stripped.Annotation);
    }

    [Fact]
    public void Artifact_bindings_and_missing_parts_are_left_alone()
    {
        var withArtifact = new TypedInterface
        {
            Inputs = new VariableMap
            {
                Variables =
                {
                    ["a"] = new Variable { Type = new LiteralType { Simple = SimpleType.Integer }, ArtifactTag = new ArtifactTag { ArtifactKey = new ArtifactKey { Name = "k" } } },
                    ["untyped"] = new Variable { Description = "no type" },
                },
            },
        };

        var stripped = InterfaceStripping.Strip(withArtifact)!;

        Assert.Equal("k", stripped.Inputs.Variables["a"].ArtifactTag.ArtifactKey.Name);
        Assert.Null(stripped.Inputs.Variables["untyped"].Type);
        Assert.Equal(string.Empty, stripped.Inputs.Variables["untyped"].Description);
        Assert.Null(stripped.Outputs);
        Assert.Null(InterfaceStripping.Strip((TypedInterface?)null));
        Assert.Null(InterfaceStripping.Strip((LiteralType?)null));
    }

    [Theory]
    [MemberData(nameof(VersionedVectors))]
    public void Stripping_an_interface_that_has_nothing_to_strip_keeps_its_version(string name)
    {
        var vector = GoldenVectors.Get(name);
        var taskInterface = TypedInterface.Parser.ParseFrom(vector.InputBytes);
        Assert.Equal(vector.Expected, CatalogDataset.Version(vector.CacheVersion!, InterfaceStripping.Strip(taskInterface)));
    }

    private static LiteralType Decorated(LiteralType type)
    {
        type.Metadata = new Struct { Fields = { ["python_class_name"] = Value.ForString("int") } };
        type.Annotation = new TypeAnnotation { Annotations = new Struct { Fields = { ["ui"] = Value.ForBool(true) } } };
        return type;
    }

    private static TypedInterface Interface(LiteralType type) => new()
    {
        Inputs = new VariableMap { Variables = { ["x"] = new Variable { Type = type, Description = "an input" } } },
        Outputs = new VariableMap { Variables = { ["o0"] = new Variable { Type = new LiteralType { Simple = SimpleType.String }, Description = "the result" } } },
    };
}
