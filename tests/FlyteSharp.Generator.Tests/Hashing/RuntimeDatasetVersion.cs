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
/// The runtime's dataset versions of a task (branch hashing), found by reflection so these tests compile before
/// it is merged: <c>FlyteSharp.Hashing.DatasetVersion.Compute(string, FlyteInterface)</c> over the generated
/// <c>TypedInterface</c> read back into the type model, and <c>FlyteSharp.Caching.CatalogDataset.Version(string,
/// TypedInterface)</c> over the message itself. Either way the input is what the generated code built, not what
/// the generator hashed.
/// </summary>
internal static class RuntimeDatasetVersion
{
    private static readonly (string Type, string Method)[] Computations =
    {
        ("FlyteSharp.Hashing.DatasetVersion", "Compute"),
        ("FlyteSharp.Caching.CatalogDataset", "Version"),
    };

    /// <summary>Every runtime computation of the version found in the runtime assembly.</summary>
    public static IReadOnlyList<string> Compute(string cacheVersion, TypedInterface @interface)
    {
        var runtime = typeof(FlyteTaskAttribute).Assembly;
        var results = new List<string>();
        foreach (var (typeName, methodName) in Computations)
        {
            var overloads = runtime.GetType(typeName)?.GetMethods(BindingFlags.Public | BindingFlags.Static)
                .Where(m => m.Name == methodName && m.GetParameters() is [{ ParameterType: var first }, _] && first == typeof(string))
                ?? [];
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
        }

        Assert.True(
            results.Count > 0,
            "The runtime has no dataset version computation yet (it comes with branch 'hashing'): looked for "
            + string.Join(", ", Computations.Select(c => c.Type + "." + c.Method)) + ".");
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
