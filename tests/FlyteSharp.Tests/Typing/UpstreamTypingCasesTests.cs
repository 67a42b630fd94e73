using FlyteSharp.Typing;
using static FlyteSharp.Tests.Typing.Types;

namespace FlyteSharp.Tests.Typing;

/// <summary>
/// The cases of flytepropeller's pkg/compiler/validators/typing_test.go (v1.16.8), restated on the model. Where
/// FlyteSharp is deliberately stricter (blob dimensionality) the case is in <see cref="LenientBlobRuleTests"/>.
/// </summary>
public sealed class UpstreamTypingCasesTests
{
    private static readonly SchemaType GenericSchema = Schema();
    private static readonly StructuredDatasetType GenericDataset = Dataset(string.Empty);
    private static readonly SchemaType IntegerSchemaA = Schema(("a", SchemaColumnKind.Integer));
    private static readonly SchemaType IntegerFloatSchemaAB = Schema(("a", SchemaColumnKind.Integer), ("b", SchemaColumnKind.Float));
    private static readonly SchemaType FloatSchemaA = Schema(("a", SchemaColumnKind.Float));
    private static readonly StructuredDatasetType ParquetDatasetAB = Dataset("parquet", ("a", Int), ("b", Float));
    private static readonly StructuredDatasetType ParquetDataset = Dataset("parquet");
    private static readonly StructuredDatasetType SubsetDataset = Dataset("parquet", ("a", Int), ("b", List(Int)));
    private static readonly StructuredDatasetType SupersetDataset = Dataset("parquet", ("a", Int), ("b", List(Int)), ("c", Map(Int)));
    private static readonly StructuredDatasetType IntegerDatasetA = Dataset("parquet", ("a", Int));
    private static readonly StructuredDatasetType FloatDatasetA = Dataset(string.Empty, ("a", Float));

    private static readonly Dictionary<string, (FlyteType Upstream, FlyteType Downstream, bool Castable)> Cases = new()
    {
        // Simple types
        ["integer to integer"] = (Int, Int, true),
        ["integer to float"] = (Int, Float, false),
        ["float to integer"] = (Float, Int, false),
        ["none to integer (not nullable)"] = (None, Int, false),
        ["enum to string"] = (Enum("x", "y"), Str, true),
        ["enum to the same enum"] = (Enum("x", "y"), Enum("x", "y"), true),
        ["enum to another enum"] = (Enum("x", "y"), Enum("m", "n"), false),
        ["string to enum"] = (Str, Enum("x", "y"), true),
        ["struct to struct"] = (Struct, Struct, true),

        // Unions
        ["string to (int | str)"] = (Str, Union(Tag(Int, "int"), Tag(Str, "str")), true),
        ["string to (str | str) is ambiguous"] = (Str, Union(Tag(Str, "str1"), Tag(Str, "str2")), false),
        ["union to a superset union"] = (
            Union(Tag(Str, "str1"), Tag(Str, "str2")),
            Union(Tag(Str, "str1"), Tag(Int, "int1"), Tag(Str, "str2")),
            true),
        ["union to union with a tag mismatch"] = (
            Union(Tag(Str, "str1"), Tag(Str, "str2")),
            Union(Tag(Int, "str2"), Tag(Str, "str3")),
            false),
        ["union to union with a type mismatch"] = (Union(Tag(Str, "test")), Union(Tag(Int, "test")), false),
        ["singular union to its variant type"] = (Union(Tag(Str, "string")), Tag(Str, "string"), true),

        // Collections
        ["[int] to [int]"] = (List(Int), List(Int), true),
        ["empty collection to [int]"] = (List(None), List(Int), true),
        ["[int] to [float]"] = (List(Int), List(Float), false),
        ["[int] to int"] = (List(Int), Int, false),
        ["[int] to [[int]]"] = (List(Int), List(List(Int)), false),
        ["none to [[int]] (not nullable)"] = (None, List(List(Int)), false),

        // Maps
        ["{int} to {int}"] = (Map(Int), Map(Int), true),
        ["{int} to {float}"] = (Map(Int), Map(Float), false),
        ["{none} to {float}"] = (Map(None), Map(Float), true),
        ["{int} to int"] = (Map(Int), Int, false),
        ["{int} to {{int}}"] = (Map(Int), Map(Map(Int)), false),

        // Schemas
        ["generic schema to generic schema"] = (GenericSchema, GenericSchema, true),
        ["generic schema to schema(a)"] = (GenericSchema, IntegerSchemaA, true),
        ["schema(a) to generic schema"] = (IntegerSchemaA, GenericSchema, true),
        ["schema(a, b) to schema(a)"] = (IntegerFloatSchemaAB, IntegerSchemaA, true),
        ["generic dataset to schema(a)"] = (GenericDataset, IntegerSchemaA, true),
        ["schema(a) to generic dataset"] = (IntegerSchemaA, GenericDataset, true),
        ["parquet dataset(a, b) to schema(a)"] = (ParquetDatasetAB, IntegerSchemaA, true),
        ["schema(a) to schema(a, b)"] = (IntegerSchemaA, IntegerFloatSchemaAB, false),
        ["schema(a int) to schema(a float)"] = (IntegerSchemaA, FloatSchemaA, false),
        ["schema(a float) to schema(a int)"] = (FloatSchemaA, IntegerSchemaA, false),
        ["none to schema (not nullable)"] = (None, IntegerSchemaA, false),

        // Structured datasets
        ["parquet dataset to parquet dataset"] = (ParquetDataset, ParquetDataset, true),
        ["parquet dataset to dataset(a, b)"] = (ParquetDataset, SubsetDataset, true),
        ["dataset(a, b) to parquet dataset"] = (SubsetDataset, ParquetDataset, true),
        ["dataset(a, b, c) to dataset(a, b)"] = (SupersetDataset, SubsetDataset, true),
        ["dataset(a, b) to dataset(a, b, c)"] = (SubsetDataset, SupersetDataset, false),
        ["schema(a int) to dataset(a int)"] = (IntegerSchemaA, IntegerDatasetA, true),
        ["schema(a int) to dataset(a float)"] = (IntegerSchemaA, FloatDatasetA, false),
        ["dataset(a int, b) to dataset(a float)"] = (SubsetDataset, FloatDatasetA, false),
        ["dataset(a float) to dataset(a int, b)"] = (FloatDatasetA, SubsetDataset, false),
        ["parquet dataset to format-less dataset"] = (ParquetDataset, GenericDataset, true),
        ["format-less dataset to parquet dataset"] = (GenericDataset, ParquetDataset, true),
        ["none to dataset (nullable)"] = (None, SubsetDataset, true),

        // Blobs (single files; the dimensionality rule is FlyteSharp's own)
        ["csv blob to csv blob"] = (File("csv"), File("csv"), true),
        ["csv blob to format-less blob"] = (File("csv"), File(), true),
        ["format-less blob to csv blob"] = (File(), File("csv"), true),
        ["csv blob to pdf blob"] = (File("csv"), File("pdf"), false),
        ["none to blob (not nullable)"] = (None, File("csv"), false),
    };

    public static TheoryData<string> CaseNames => [.. Cases.Keys];

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Upstream_case_gives_the_same_answer(string name)
    {
        var (upstream, downstream, castable) = Cases[name];

        var result = Castability.Check(upstream, downstream, "outputs.o0");

        Assert.Equal(castable, result.IsCastable);
        Assert.Equal(castable, Castability.IsCastable(upstream, downstream));
        if (!castable)
        {
            Assert.StartsWith("outputs.o0", result.Reason, StringComparison.Ordinal);
            Assert.Contains(" is not castable to ", result.Reason, StringComparison.Ordinal);
        }
    }
}
