extern alias generator;

using System.Reflection;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using FlyteTaskGenerator = generator::FlyteSharp.Generator.Pipeline.FlyteTaskGenerator;

namespace FlyteSharp.Generator.Tests.Model;

/// <summary>
/// The pipeline caches on value equality, so what flows through it must be immutable, value-equal data: no
/// symbol, compilation, syntax or location (they also keep old compilations alive), nothing mutable.
/// </summary>
public sealed class ModelHasNoSymbolsTests
{
    private static readonly Type[] Forbidden =
    {
        typeof(ISymbol), typeof(Compilation), typeof(SemanticModel), typeof(SyntaxNode), typeof(SyntaxTree), typeof(Location),
        typeof(SyntaxToken), typeof(AttributeData), typeof(TypedConstant),
    };

    private static readonly Assembly GeneratorAssembly = typeof(FlyteTaskGenerator).Assembly;

    public static TheoryData<string> ModelTypes()
    {
        var data = new TheoryData<string>();
        foreach (var type in Roots().SelectMany(Reachable).Distinct().OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            data.Add(type.FullName!);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ModelTypes))]
    public void Model_type_holds_no_symbol_and_is_immutable(string typeName)
    {
        var type = GeneratorAssembly.GetType(typeName, throwOnError: true)!;
        if (type.IsEnum)
        {
            return;
        }

        foreach (var field in Fields(type))
        {
            Assert.False(
                field.FieldType != typeof(string) && typeof(System.Collections.IEnumerable).IsAssignableFrom(field.FieldType) && !IsEquatableArray(field.FieldType),
                $"{type.Name}.{field.Name} is a {field.FieldType.Name}, which compares by reference; use EquatableArray<T>.");
            Assert.False(
                Forbidden.Any(f => f.IsAssignableFrom(field.FieldType)),
                $"{type.Name}.{field.Name} is a {field.FieldType.Name}; the pipeline model must hold plain data.");
            Assert.True(field.IsInitOnly, $"{type.Name}.{field.Name} is mutable; the pipeline model must be immutable.");
        }

        if (!type.IsEnum && !type.IsValueType)
        {
            Assert.True(
                type.GetMethod("<Clone>$") is not null || typeof(IEquatable<>).MakeGenericType(type).IsAssignableFrom(type),
                $"{type.Name} has no value equality (make it a record).");
        }
    }

    [Fact]
    public void The_walk_reaches_the_whole_model()
    {
        var names = ModelTypes().Select(row => row.Data).ToList();

        Assert.Contains("FlyteSharp.Generator.Model.TaskSpec", names);
        Assert.Contains("FlyteSharp.Generator.Model.TaskOutputSpec", names);
        Assert.Contains("FlyteSharp.Generator.Diagnostics.LocationInfo", names);
        Assert.Contains("FlyteSharp.Typing.UnionType", names);
        Assert.Contains("FlyteSharp.Typing.BlobType", names);
    }

    /// <summary>The values the pipeline passes between steps.</summary>
    private static IEnumerable<Type> Roots() => new[]
    {
        "FlyteSharp.Generator.Model.TaskMethodResult",
        "FlyteSharp.Generator.Model.TaskDeclaration",
        "FlyteSharp.Generator.Model.TaskClassSpec",
        "FlyteSharp.Generator.Model.FormatDeclaration",
    }.Select(name => GeneratorAssembly.GetType(name, throwOnError: true)!);

    private static IEnumerable<Type> Reachable(Type root)
    {
        var seen = new HashSet<Type>();
        var pending = new Stack<Type>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            var type = pending.Pop();
            if (!seen.Add(type))
            {
                continue;
            }

            if (type.Assembly == GeneratorAssembly && !type.IsGenericType && !type.IsArray)
            {
                yield return type;
            }

            // EquatableArray<T> owns its array and compares it by content: walk into T only.
            var next = (IsEquatableArray(type) ? Type.EmptyTypes : Fields(type).Select(f => f.FieldType).ToArray())
                .Concat(type.IsGenericType ? type.GetGenericArguments() : Type.EmptyTypes)
                .Concat(type.IsArray ? new[] { type.GetElementType()! } : Type.EmptyTypes)
                .Concat(type.IsAbstract ? GeneratorAssembly.GetTypes().Where(t => t.IsSubclassOf(type)) : Type.EmptyTypes);
            foreach (var candidate in next)
            {
                // Roslyn's DiagnosticDescriptor is immutable and equatable; its internals are Roslyn's business.
                if (candidate.Assembly == GeneratorAssembly || candidate.IsGenericType || candidate.IsArray || Forbidden.Any(f => f.IsAssignableFrom(candidate)))
                {
                    pending.Push(candidate);
                }
            }
        }
    }

    private static bool IsEquatableArray(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition().FullName == "FlyteSharp.Core.EquatableArray`1" && type.Assembly == GeneratorAssembly;

    private static IEnumerable<FieldInfo> Fields(Type type) =>
        type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
            .Where(f => f.GetCustomAttribute<CompilerGeneratedAttribute>() is null || f.Name.EndsWith("k__BackingField", StringComparison.Ordinal));
}
