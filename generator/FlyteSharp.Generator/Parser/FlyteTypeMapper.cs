using System.Collections.Generic;
using System.Linq;
using FlyteSharp.Core;
using FlyteSharp.Typing;
using Microsoft.CodeAnalysis;

namespace FlyteSharp.Generator.Parser
{
    /// <summary>
    /// Maps a C# type to its Flyte type (DESIGN §4), the way flytekit maps the corresponding Python type, so a C#
    /// task has the interface a Python task with the same signature would have.
    /// Mirrors flytekit <c>flytekit/core/type_engine.py</c> (<c>TypeEngine.to_literal_type</c> and the simple,
    /// list, dict, enum and union transformers).
    /// </summary>
    internal static class FlyteTypeMapper
    {
        /// <summary>Maps <paramref name="type"/>, or says what stops it.</summary>
        public static TypeMapping Map(ITypeSymbol type) => MapCore(type);

        private static TypeMapping MapCore(ITypeSymbol type)
        {
            if (type.TypeKind == TypeKind.Error)
            {
                return TypeMapping.Failed(TypeProblemKind.CompilerError, type, string.Empty);
            }

            if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullableValue)
            {
                return Optional(MapCore(nullableValue.TypeArguments[0]));
            }

            if (type.IsReferenceType && type.NullableAnnotation == NullableAnnotation.Annotated)
            {
                return Optional(MapCore(type.WithNullableAnnotation(NullableAnnotation.NotAnnotated)));
            }

            switch (type.SpecialType)
            {
                case SpecialType.System_Int64:
                case SpecialType.System_Int32:
                case SpecialType.System_Int16:
                case SpecialType.System_Byte:
                    return Simple(SimpleKind.Integer);
                case SpecialType.System_Double:
                case SpecialType.System_Single:
                    return Simple(SimpleKind.Float);
                case SpecialType.System_String:
                    return Simple(SimpleKind.String);
                case SpecialType.System_Boolean:
                    return Simple(SimpleKind.Boolean);
                case SpecialType.System_DateTime:
                    return Simple(SimpleKind.Datetime);
            }

            switch (type)
            {
                case IArrayTypeSymbol array:
                    return array.IsSZArray
                        ? Collection(MapCore(array.ElementType))
                        : TypeMapping.Unsupported(type, "'" + SymbolNames.ForMessage(type) + "' is not supported; use a one-dimensional array");
                case ITypeParameterSymbol:
                    return TypeMapping.Unsupported(type, "the type parameter '" + type.Name + "' has no fixed Flyte type");
                case INamedTypeSymbol { TypeKind: TypeKind.Enum } enumType:
                    return Enum(enumType);
                case INamedTypeSymbol { IsTupleType: true }:
                    return TypeMapping.Unsupported(type, "a tuple is only supported as the return type, where each element becomes an output");
                case INamedTypeSymbol named:
                    return Named(named);
                default:
                    return NotSupported(type);
            }
        }

        private static TypeMapping Named(INamedTypeSymbol named)
        {
            switch (SymbolNames.MetadataName(named))
            {
                case KnownTypeNames.DateTimeOffset:
                    return Simple(SimpleKind.Datetime);
                case KnownTypeNames.TimeSpan:
                    return Simple(SimpleKind.Duration);
                case KnownTypeNames.FlyteFile:
                    return TypeMapping.Of(new BlobType(string.Empty, BlobDimensionality.Single));
                case KnownTypeNames.FlyteDirectory:
                    return TypeMapping.Of(new BlobType(string.Empty, BlobDimensionality.Multipart));
                case KnownTypeNames.FlyteFileOfFormat:
                    return FormattedBlob(named, BlobDimensionality.Single);
                case KnownTypeNames.FlyteDirectoryOfFormat:
                    return FormattedBlob(named, BlobDimensionality.Multipart);
                case KnownTypeNames.List:
                case KnownTypeNames.IList:
                case KnownTypeNames.ICollection:
                case KnownTypeNames.IEnumerable:
                case KnownTypeNames.IReadOnlyList:
                case KnownTypeNames.IReadOnlyCollection:
                    return Collection(MapCore(named.TypeArguments[0]));
                case KnownTypeNames.Dictionary:
                case KnownTypeNames.IDictionary:
                case KnownTypeNames.IReadOnlyDictionary:
                    return named.TypeArguments[0].SpecialType == SpecialType.System_String
                        ? Map(MapCore(named.TypeArguments[1]))
                        : TypeMapping.Unsupported(named, "dictionary keys must be string, not '" + SymbolNames.ForMessage(named.TypeArguments[0]) + "'");
                case KnownTypeNames.Task:
                case KnownTypeNames.TaskOfT:
                case KnownTypeNames.ValueTask:
                case KnownTypeNames.ValueTaskOfT:
                    return TypeMapping.Unsupported(named, "a task type can only be the method's own return type");
                default:
                    return NotSupported(named);
            }
        }

        private static TypeMapping FormattedBlob(INamedTypeSymbol blob, BlobDimensionality dimensionality)
        {
            var format = blob.TypeArguments[0];
            if (format is not INamedTypeSymbol formatType)
            {
                return TypeMapping.Unsupported(format, "the format '" + SymbolNames.ForMessage(format) + "' must be a type marked [BlobFormat]");
            }

            var attribute = formatType.GetAttributes().FirstOrDefault(
                a => a.AttributeClass is { } attributeClass && SymbolNames.MetadataName(attributeClass) == KnownTypeNames.BlobFormatAttribute);
            if (attribute is null || attribute.ConstructorArguments.Length != 1 || attribute.ConstructorArguments[0].Value is not string formatName)
            {
                return TypeMapping.Failed(TypeProblemKind.FormatWithoutAttribute, formatType, string.Empty);
            }

            if (string.IsNullOrWhiteSpace(formatName))
            {
                return TypeMapping.Failed(TypeProblemKind.EmptyFormatName, formatType, string.Empty);
            }

            return NonPublic(formatType) ?? TypeMapping.Of(new BlobType(formatName, dimensionality));
        }

        private static TypeMapping Enum(INamedTypeSymbol enumType)
        {
            var names = enumType.GetMembers()
                .OfType<IFieldSymbol>()
                .Where(field => field.HasConstantValue)
                .Select(field => field.Name);
            return NonPublic(enumType) ?? TypeMapping.Of(new EnumType(names.ToEquatableArray()));
        }

        private static TypeMapping? NonPublic(INamedTypeSymbol type)
        {
            var hidden = SymbolNames.FirstNonPublic(type);
            return hidden is null
                ? null
                : TypeMapping.Failed(TypeProblemKind.Inaccessible, hidden, SymbolNames.Keyword(hidden.DeclaredAccessibility));
        }

        private static TypeMapping NotSupported(ITypeSymbol type) =>
            TypeMapping.Unsupported(type, "'" + SymbolNames.ForMessage(type) + "' is not a supported type");

        private static TypeMapping Simple(SimpleKind kind) => TypeMapping.Of(new SimpleType(kind));

        private static TypeMapping Collection(TypeMapping element) =>
            element.Type is null ? element : TypeMapping.Of(new CollectionType(element.Type));

        private static TypeMapping Map(TypeMapping value) =>
            value.Type is null ? value : TypeMapping.Of(new MapType(value.Type));

        private static TypeMapping Optional(TypeMapping inner)
        {
            if (inner.Type is null)
            {
                return inner;
            }

            // flytekit: Optional[T] is Union[T, None], each variant tagged with its transformer's name; the same
            // table the runtime's literal converter uses, so both write one Flyte type.
            return TypeMapping.Of(FlytekitNames.NullableUnion(inner.Type));
        }
    }

    /// <summary>Why a type could not be mapped; each kind is its own diagnostic.</summary>
    internal enum TypeProblemKind
    {
        /// <summary>No Flyte type (FLYTE001/FLYTE002).</summary>
        Unsupported,

        /// <summary>A type the generated public interface cannot expose (the compiler reports it: CS0050/CS0051).</summary>
        Inaccessible,

        /// <summary>A type the compiler could not resolve (it reports why, e.g. CS0246).</summary>
        CompilerError,

        /// <summary>A blob format type without <c>[BlobFormat]</c> (FLYTE030).</summary>
        FormatWithoutAttribute,

        /// <summary>A blob format type whose format name is empty (FLYTE032).</summary>
        EmptyFormatName,
    }

    /// <summary>The result of mapping a type: the Flyte type, or the problem and the type that caused it.</summary>
    internal sealed class TypeMapping
    {
        private TypeMapping(FlyteType? type, TypeProblemKind problem, ITypeSymbol? culprit, string detail)
        {
            Type = type;
            Problem = problem;
            Culprit = culprit;
            Detail = detail;
        }

        /// <summary>The Flyte type, null when mapping failed.</summary>
        public FlyteType? Type { get; }

        /// <summary>What failed (meaningful when <see cref="Type"/> is null).</summary>
        public TypeProblemKind Problem { get; }

        /// <summary>The type that caused the failure.</summary>
        public ITypeSymbol? Culprit { get; }

        /// <summary>The reason (unsupported) or the accessibility (inaccessible).</summary>
        public string Detail { get; }

        public static TypeMapping Of(FlyteType type) => new(type, default, null, string.Empty);

        public static TypeMapping Unsupported(ITypeSymbol culprit, string reason) =>
            new(null, TypeProblemKind.Unsupported, culprit, reason);

        public static TypeMapping Failed(TypeProblemKind problem, ITypeSymbol culprit, string detail) =>
            new(null, problem, culprit, detail);
    }
}
