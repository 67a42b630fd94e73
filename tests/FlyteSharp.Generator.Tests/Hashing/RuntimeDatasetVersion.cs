using System.Reflection;
using Flyteidl.Core;
using FlyteSharp.Core;
using FlyteSharp.Typing;
using CoreBlobDimensionality = FlyteSharp.Typing.BlobDimensionality;
using CoreBlobType = FlyteSharp.Typing.BlobType;
using CoreEnumType = FlyteSharp.Typing.EnumType;
using CoreUnionType = FlyteSharp.Typing.UnionType;
using SimpleType = FlyteSharp.Typing.SimpleType;

namespace FlyteSharp.Generator.Tests.Hashing;

/// <summary>
/// The runtime's dataset version of a task (<c>FlyteSharp.Hashing.DatasetVersion.Compute</c>, branch hashing),
/// found by reflection so these tests compile before it is merged. It is called with the generated
/// <c>TypedInterface</c> itself, or with that message read back into the type model: either way the input is
/// what the generated code built, not what the generator hashed.
/// </summary>
internal static class RuntimeDatasetVersion
{
    private const string TypeName = "FlyteSharp.Hashing.DatasetVersion";

    /// <summary>Every runtime computation of the version (one per <c>Compute</c> overload found).</summary>
    public static IReadOnlyList<string> Compute(string cacheVersion, TypedInterface @interface)
    {
        var type = typeof(FlyteTaskAttribute).Assembly.GetType(TypeName)
            ?? throw new Xunit.Sdk.XunitException($"{TypeName} is not in the runtime yet (it comes with branch 'hashing').");
        var overloads = type.GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Where(m => m.Name == "Compute" && m.GetParameters() is [{ ParameterType: var first }, _] && first == typeof(string))
            .ToList();
        var results = new List<string>();
        foreach (var overload in overloads)
        {
            var second = overload.GetParameters()[1].ParameterType;
            if (second == typeof(TypedInterface))
            {
                results.Add((string)overload.Invoke(null, [cacheVersion, @interface])!);
            }
            else if (second == typeof(FlyteInterface))
            {
                results.Add((string)overload.Invoke(null, [cacheVersion, ToModel(@interface)])!);
            }
        }

        Assert.True(results.Count > 0, $"{TypeName} has no Compute(string, TypedInterface) or Compute(string, FlyteInterface).");
        return results;
    }

    /// <summary>Reads a protobuf interface back into the runtime's type model.</summary>
    public static FlyteInterface ToModel(TypedInterface @interface) =>
        new(Variables(@interface.Inputs), Variables(@interface.Outputs));

    private static EquatableArray<FlyteVariable> Variables(VariableMap? map) =>
        (map?.Variables ?? [])
            .Select(pair => new FlyteVariable(pair.Key, ToModel(pair.Value.Type), string.IsNullOrEmpty(pair.Value.Description) ? null : pair.Value.Description))
            .ToEquatableArray();

    private static FlyteType ToModel(LiteralType type)
    {
        FlyteType model = type.TypeCase switch
        {
            LiteralType.TypeOneofCase.Simple => new SimpleType((SimpleKind)(int)type.Simple),
            LiteralType.TypeOneofCase.Blob => new CoreBlobType(type.Blob.Format, (CoreBlobDimensionality)(int)type.Blob.Dimensionality),
            LiteralType.TypeOneofCase.CollectionType => new CollectionType(ToModel(type.CollectionType)),
            LiteralType.TypeOneofCase.MapValueType => new MapType(ToModel(type.MapValueType)),
            LiteralType.TypeOneofCase.EnumType => new CoreEnumType(type.EnumType.Values.ToEquatableArray()),
            LiteralType.TypeOneofCase.UnionType => new CoreUnionType(type.UnionType.Variants.Select(ToModel).ToEquatableArray()),
            _ => throw new Xunit.Sdk.XunitException($"The generator does not build {type.TypeCase} types."),
        };
        return type.Structure is null ? model : model with { StructureTag = type.Structure.Tag };
    }
}
