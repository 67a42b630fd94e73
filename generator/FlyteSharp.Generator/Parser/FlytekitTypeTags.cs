using FlyteSharp.Typing;

namespace FlyteSharp.Generator.Parser
{
    /// <summary>
    /// The <c>structure.tag</c> flytekit writes on each variant of a union: the name of the flytekit type
    /// transformer of that variant. Writing the same tags makes a C# <c>T?</c> the same Flyte type as a Python
    /// <c>Optional[T]</c>, which matters because propeller keeps <c>structure</c> when it strips an interface, so
    /// the tags are part of the dataset version.
    /// Mirrors flytekit <c>flytekit/core/type_engine.py</c> (<c>UnionTransformer.get_literal_type</c> and the
    /// transformer names), <c>flytekit/types/file/file.py</c> and <c>flytekit/types/directory/types.py</c>.
    /// </summary>
    // TODO(merge): read the tags from FlyteSharp.Typing.FlytekitNames.UnionTags (src/FlyteSharp/Core/Typing, branch
    // 'literals'; linked here as source) so the literal converter and the generator share one list. The values
    // are the same; the generator's tests (TypeMappingTests) pin them.
    internal static class FlytekitTypeTags
    {
        public const string None = "none";

        /// <summary>The tag of a union variant of type <paramref name="type"/>.</summary>
        public static string For(FlyteType type) => type switch
        {
            SimpleType { Kind: SimpleKind.Integer } => "int",
            SimpleType { Kind: SimpleKind.Float } => "float",
            SimpleType { Kind: SimpleKind.String } => "str",
            SimpleType { Kind: SimpleKind.Boolean } => "bool",
            SimpleType { Kind: SimpleKind.Datetime } => "datetime",
            SimpleType { Kind: SimpleKind.Duration } => "timedelta",
            SimpleType { Kind: SimpleKind.None } => None,
            BlobType { Dimensionality: BlobDimensionality.Single } => "FlyteFilePath",
            BlobType { Dimensionality: BlobDimensionality.Multipart } => "FlyteDirectory",
            CollectionType => "Typed List",
            MapType => "Typed Dict",
            EnumType => "DefaultEnumTransformer",
            _ => throw new System.ArgumentOutOfRangeException(nameof(type), type, "The generator never builds a union variant of this type."),
        };
    }
}
