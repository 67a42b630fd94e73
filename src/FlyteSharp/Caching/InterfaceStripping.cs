// Mirrors StripTypeMetadata and StripInterfaceTypeMetadata in flytepropeller
// pkg/compiler/transformers/k8s/utils.go (v1.16.8).
using Flyteidl.Core;

namespace FlyteSharp.Caching;

/// <summary>
/// What flytepropeller's compiler does to a task interface before the task runs, and so before its dataset version
/// is hashed: every variable loses its description, and every type (recursively through collections, maps,
/// union variants, structured dataset columns and dataclass field types) loses its metadata and, unless it
/// holds a <c>cache-key-metadata</c> entry, its annotation.
/// </summary>
public static class InterfaceStripping
{
    /// <summary>The annotation key that keeps an annotation in the stripped interface.</summary>
    public const string CacheKeyMetadataAnnotation = "cache-key-metadata";

    /// <summary>A stripped copy of <paramref name="taskInterface"/> (the argument is left untouched).</summary>
    public static TypedInterface? Strip(TypedInterface? taskInterface)
    {
        if (taskInterface is null)
        {
            return null;
        }

        var stripped = taskInterface.Clone();
        StripVariables(stripped.Inputs);
        StripVariables(stripped.Outputs);
        return stripped;
    }

    /// <summary>A stripped copy of <paramref name="type"/>.</summary>
    public static LiteralType? Strip(LiteralType? type)
    {
        if (type is null)
        {
            return null;
        }

        var stripped = type.Clone();
        StripInPlace(stripped);
        return stripped;
    }

    private static void StripVariables(VariableMap? variables)
    {
        if (variables is null)
        {
            return;
        }

        foreach (var variable in variables.Variables.Values)
        {
            if (variable.Type is not null)
            {
                StripInPlace(variable.Type);
            }

            variable.Description = string.Empty;
        }
    }

    private static void StripInPlace(LiteralType type)
    {
        type.Metadata = null;
        if (type.Annotation is { } annotation && !(annotation.Annotations?.Fields.ContainsKey(CacheKeyMetadataAnnotation) ?? false))
        {
            type.Annotation = null;
        }

        if (type.Structure is { } structure)
        {
            foreach (var fieldType in structure.DataclassType.Values)
            {
                StripInPlace(fieldType);
            }
        }

        switch (type.TypeCase)
        {
            case LiteralType.TypeOneofCase.UnionType:
                foreach (var variant in type.UnionType.Variants)
                {
                    StripInPlace(variant);
                }

                break;
            case LiteralType.TypeOneofCase.MapValueType:
                StripInPlace(type.MapValueType);
                break;
            case LiteralType.TypeOneofCase.CollectionType:
                StripInPlace(type.CollectionType);
                break;
            case LiteralType.TypeOneofCase.StructuredDatasetType:
                foreach (var column in type.StructuredDatasetType.Columns)
                {
                    if (column.LiteralType is not null)
                    {
                        StripInPlace(column.LiteralType);
                    }
                }

                break;
        }
    }
}
