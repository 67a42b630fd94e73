using CsCheck;
using Flyteidl.Core;
using FlyteSharp.Typing;
using Google.Protobuf.WellKnownTypes;
using static FlyteSharp.Tests.Typing.LiteralValues;
using Model = FlyteSharp.Typing;

namespace FlyteSharp.Tests.Typing;

public sealed class LiteralCompatibilityPropertyTests
{
    [Fact]
    public void A_value_written_as_flytekit_writes_it_is_compatible_with_its_own_type() =>
        TypeGenerator.Any(3, minimumVariants: 1)
            .SelectMany(type => ValueOf(type).Select(value => (type, value)))
            .Sample((type, value) =>
            {
                var result = LiteralCompatibility.Check(value, type, "outputs.o0");
                Assert.True(result.IsCastable, result.Reason);
            }, iter: 1000);

    // A literal of the given type: unions carry the chosen variant's type, collections and maps 0-3 elements.
    private static Gen<Literal> ValueOf(FlyteType type) => type switch
    {
        Model.SimpleType simple => Gen.Const(SimpleValue(simple.Kind)),
        Model.BlobType blob => Gen.Const(Scalar(new Scalar
        {
            Blob = new Blob { Uri = "s3://bucket/x", Metadata = new BlobMetadata { Type = blob.ToLiteralType().Blob } },
        })),
        Model.EnumType enumType => Gen.Const(Str(enumType.Values.Count == 0 ? "any" : enumType.Values[0])),
        Model.CollectionType collection => ValueOf(collection.ElementType).Array[0, 3].Select(List),
        Model.MapType map => ValueOf(map.ValueType).Array[0, 3]
            .Select(values => Map([.. values.Select((value, i) => ("k" + i, value))])),
        Model.UnionType union => Gen.Int[0, union.Variants.Count - 1]
            .SelectMany(i => ValueOf(union.Variants[i]).Select(value => Union(value, union.Variants[i].ToLiteralType()))),
        Model.StructuredDatasetType dataset => Gen.Const(Scalar(new Scalar
        {
            StructuredDataset = new StructuredDataset
            {
                Uri = "s3://bucket/frame",
                Metadata = new StructuredDatasetMetadata { StructuredDatasetType = dataset.ToLiteralType().StructuredDatasetType },
            },
        })),
        Model.SchemaType schema => Gen.Const(Scalar(new Scalar { Schema = new Schema { Uri = "s3://bucket/schema", Type = schema.ToLiteralType().Schema } })),
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "no literal for this type"),
    };

    private static Literal SimpleValue(SimpleKind kind) => kind switch
    {
        SimpleKind.None => None(),
        SimpleKind.Integer => Int(42),
        SimpleKind.Float => Float(0.5),
        SimpleKind.String => Str("text"),
        SimpleKind.Boolean => Bool(true),
        SimpleKind.Datetime => Scalar(new Scalar { Primitive = new Primitive { Datetime = Timestamp.FromDateTime(DateTime.UnixEpoch) } }),
        SimpleKind.Duration => Scalar(new Scalar { Primitive = new Primitive { Duration = Duration.FromTimeSpan(TimeSpan.FromMinutes(1)) } }),
        SimpleKind.Binary => Binary([1, 2, 3], string.Empty),
        SimpleKind.Error => Scalar(new Scalar { Error = new Error { FailedNodeId = "n0", Message = "failed" } }),
        SimpleKind.Struct => Generic(),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "no literal for this kind"),
    };
}
