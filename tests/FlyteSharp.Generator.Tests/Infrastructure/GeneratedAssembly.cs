using System.Reflection;
using Flyteidl.Core;
using FlyteSharp.Running;

namespace FlyteSharp.Generator.Tests.Infrastructure;

/// <summary>Reflection over a compiled and loaded test assembly's generated types.</summary>
internal static class GeneratedAssembly
{
    /// <summary>The generated descriptor <c>{Class}Flyte.{Task}</c>.</summary>
    public static FlyteTaskDescriptor Descriptor(Assembly assembly, string descriptorClass, string task) =>
        (FlyteTaskDescriptor)Type(assembly, descriptorClass).GetProperty(task, BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;

    /// <summary>The generated constant <c>{Class}Flyte.{name}</c>, failing clearly when it was not generated.</summary>
    public static string Constant(Assembly assembly, string descriptorClass, string name)
    {
        var field = Type(assembly, descriptorClass).GetField(name, BindingFlags.Public | BindingFlags.Static);
        Assert.True(field is { IsLiteral: true }, $"{descriptorClass}.{name} was not generated.");
        return (string)field!.GetRawConstantValue()!;
    }

    /// <summary>The type <paramref name="fullName"/> of <paramref name="assembly"/>.</summary>
    public static Type Type(Assembly assembly, string fullName) =>
        assembly.GetType(fullName) ?? throw new Xunit.Sdk.XunitException($"{fullName} is not in the generated assembly.");

    /// <summary>The input or output variable <paramref name="name"/> of <paramref name="map"/>.</summary>
    public static LiteralType VariableType(VariableMap map, string name) =>
        map.Variables.TryGetValue(name, out var variable)
            ? variable.Type
            : throw new Xunit.Sdk.XunitException($"No variable '{name}' in {map}.");
}
