using Flyteidl.Core;
using FlyteSharp.Formats;
using FlyteSharp.Literals;

namespace FlyteSharp.Tests.Literals;

public sealed class CollectionConversionTests
{
    private static Literal Integer(long value) => new() { Scalar = new Scalar { Primitive = new Primitive { Integer = value } } };

    [Fact]
    public void An_array_is_a_collection_in_order()
    {
        var literal = LiteralConverter.ToLiteral(new long[] { 3, 1, 2 });

        Assert.Equal(new Literal { Collection = new LiteralCollection { Literals = { Integer(3), Integer(1), Integer(2) } } }, literal);
        Assert.Equal(new long[] { 3, 1, 2 }, LiteralConverter.FromLiteral<long[]>(literal));
    }

    [Fact]
    public void Every_list_shape_writes_the_same_literal_and_reads_back()
    {
        var items = new List<int> { 1, 2, 3 };
        var expected = LiteralConverter.ToLiteral(new[] { 1, 2, 3 });

        Assert.Equal(expected, LiteralConverter.ToLiteral(items));
        Assert.Equal(expected, LiteralConverter.ToLiteral<IList<int>>(items));
        Assert.Equal(expected, LiteralConverter.ToLiteral<IReadOnlyList<int>>(items));
        Assert.Equal(expected, LiteralConverter.ToLiteral<ICollection<int>>(items));
        Assert.Equal(expected, LiteralConverter.ToLiteral<IReadOnlyCollection<int>>(items));
        Assert.Equal(expected, LiteralConverter.ToLiteral(Enumerable.Range(1, 3)));

        Assert.Equal(items, LiteralConverter.FromLiteral<List<int>>(expected));
        Assert.Equal(items, LiteralConverter.FromLiteral<IList<int>>(expected));
        Assert.Equal(items, LiteralConverter.FromLiteral<IReadOnlyList<int>>(expected));
        Assert.Equal(items, LiteralConverter.FromLiteral<ICollection<int>>(expected));
        Assert.Equal(items, LiteralConverter.FromLiteral<IReadOnlyCollection<int>>(expected));
        Assert.Equal(items, LiteralConverter.FromLiteral<IEnumerable<int>>(expected));
    }

    [Fact]
    public void An_empty_collection_round_trips()
    {
        var literal = LiteralConverter.ToLiteral(Array.Empty<string>());

        Assert.Equal(Literal.ValueOneofCase.Collection, literal.ValueCase);
        Assert.Empty(literal.Collection.Literals);
        Assert.Empty(LiteralConverter.FromLiteral<List<string>>(literal));
    }

    [Fact]
    public void A_list_of_typed_files_round_trips()
    {
        var files = new List<FlyteFile<Csv>> { new("s3://bucket/a.csv"), new("s3://bucket/b.csv") };

        var literal = LiteralConverter.ToLiteral(files);

        Assert.All(literal.Collection.Literals, item => Assert.Equal("csv", item.Scalar.Blob.Metadata.Type.Format));
        Assert.Equal(files, LiteralConverter.FromLiteral<List<FlyteFile<Csv>>>(literal));
    }

    [Fact]
    public void A_map_of_nullable_long_arrays_round_trips()
    {
        var value = new Dictionary<string, long?[]>
        {
            ["a"] = [1, null, long.MinValue],
            ["empty"] = [],
        };

        var literal = LiteralConverter.ToLiteral(value);
        var read = LiteralConverter.FromLiteral<Dictionary<string, long?[]>>(literal);

        Assert.Equal(2, literal.Map.Literals.Count);
        Assert.Equal(value.Keys.Order(StringComparer.Ordinal), read.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(value["a"], read["a"]);
        Assert.Empty(read["empty"]);
    }

    [Fact]
    public void Every_map_shape_writes_the_same_literal_and_reads_back()
    {
        var value = new Dictionary<string, double> { ["x"] = 1.5, ["y"] = -2 };
        var expected = LiteralConverter.ToLiteral(value);

        Assert.Equal(expected, LiteralConverter.ToLiteral<IDictionary<string, double>>(value));
        Assert.Equal(expected, LiteralConverter.ToLiteral<IReadOnlyDictionary<string, double>>(value));
        Assert.Equal(value, LiteralConverter.FromLiteral<IDictionary<string, double>>(expected));
        Assert.Equal(value, LiteralConverter.FromLiteral<IReadOnlyDictionary<string, double>>(expected));
    }

    [Fact]
    public void An_element_error_names_its_position()
    {
        var literal = LiteralConverter.ToLiteral(new[] { 1L, 2L, 5_000_000_000L });

        var error = Assert.Throws<FlyteTypeException>(() => LiteralConverter.FromLiteral<int[]>(literal));

        Assert.Equal("[2]", error.Path);
        Assert.StartsWith("[2]: The INTEGER 5000000000 does not fit in int", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_nested_error_names_the_whole_path()
    {
        var value = new Dictionary<string, List<string>> { ["k"] = ["ok", null!] };

        var error = Assert.Throws<FlyteTypeException>(() => LiteralConverter.ToLiteral(value));

        Assert.Equal("[\"k\"][1]", error.Path);
        Assert.Contains("null is not a value of string", error.Reason, StringComparison.Ordinal);
        Assert.Equal("outputs.o0[\"k\"][1]", error.WithParentPath("outputs.o0").Path);
    }

    [Fact]
    public void A_collection_does_not_read_a_map_nor_a_scalar()
    {
        var map = LiteralConverter.ToLiteral(new Dictionary<string, long> { ["a"] = 1 });

        var error = Assert.Throws<FlyteTypeException>(() => LiteralConverter.FromLiteral<List<long>>(map));
        Assert.Contains("a map literal of 1", error.Message, StringComparison.Ordinal);
        Assert.Contains("List<long>", error.Message, StringComparison.Ordinal);
        Assert.Throws<FlyteTypeException>(() => LiteralConverter.FromLiteral<Dictionary<string, long>>(Integer(1)));
    }

    [Fact]
    public void A_null_collection_is_refused()
    {
        Assert.Throws<FlyteTypeException>(() => LiteralConverter.ToLiteral<List<long>>(null!));
        Assert.Throws<FlyteTypeException>(() => LiteralConverter.ToLiteral<Dictionary<string, long>>(null!));
    }

    [Fact]
    public void Nested_collections_round_trip()
    {
        var value = new List<List<long>> { new() { 1 }, new(), new() { 2, 3 } };

        var read = LiteralConverter.FromLiteral<List<List<long>>>(LiteralConverter.ToLiteral(value));

        Assert.Equal(value, read);
    }
}
