namespace FlyteSharp.Literals.Codecs;

/// <summary>How a supported C# type nests: a leaf, a collection of elements, or a string-keyed map of values.</summary>
internal enum ShapeKind
{
    Leaf,
    Array,
    Sequence,
    Map,
}

/// <summary>The shape of a C# type, shared by the codec factory and the nullability signatures so they walk types alike.</summary>
internal readonly record struct TypeShape(ShapeKind Kind, Type? Inner)
{
    private static readonly HashSet<Type> SequenceDefinitions =
    [
        typeof(List<>), typeof(IList<>), typeof(IReadOnlyList<>), typeof(ICollection<>), typeof(IReadOnlyCollection<>), typeof(IEnumerable<>),
    ];

    private static readonly HashSet<Type> MapDefinitions =
    [
        typeof(Dictionary<,>), typeof(IDictionary<,>), typeof(IReadOnlyDictionary<,>),
    ];

    public static TypeShape Of(Type type)
    {
        if (type.IsSZArray)
        {
            return new TypeShape(ShapeKind.Array, type.GetElementType());
        }

        if (type.IsGenericType && !type.IsGenericTypeDefinition)
        {
            var definition = type.GetGenericTypeDefinition();
            if (SequenceDefinitions.Contains(definition))
            {
                return new TypeShape(ShapeKind.Sequence, type.GetGenericArguments()[0]);
            }

            if (MapDefinitions.Contains(definition))
            {
                var arguments = type.GetGenericArguments();
                if (arguments[0] != typeof(string))
                {
                    throw new FlyteTypeException(
                        $"{TypeDisplay.Of(type)} is not a supported Flyte type: Flyte maps have string keys, not {TypeDisplay.Of(arguments[0])}.");
                }

                return new TypeShape(ShapeKind.Map, arguments[1]);
            }
        }

        return new TypeShape(ShapeKind.Leaf, null);
    }
}
