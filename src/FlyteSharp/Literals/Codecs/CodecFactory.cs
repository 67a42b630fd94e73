using FlyteSharp.Typing;

namespace FlyteSharp.Literals.Codecs;

/// <summary>
/// Builds the codec for a C# type (and a nullability signature) by reflection, once; the codecs it builds call
/// each other directly afterwards.
/// </summary>
internal static class CodecFactory
{
    private const string SupportedTypes =
        "long, int, short, byte, double, float, string, bool, DateTime, DateTimeOffset, TimeSpan, enums, FlyteFile, FlyteFile<TFormat>, " +
        "FlyteDirectory, FlyteDirectory<TFormat>, T[], List<T> (and IList, IReadOnlyList, ICollection, IReadOnlyCollection, IEnumerable), " +
        "Dictionary<string, T> (and IDictionary, IReadOnlyDictionary), and T? of these";

    private static readonly Dictionary<Type, Func<Codec>> Leaves = new()
    {
        [typeof(long)] = () => new IntegerCodec<long>(),
        [typeof(int)] = () => new IntegerCodec<int>(),
        [typeof(short)] = () => new IntegerCodec<short>(),
        [typeof(byte)] = () => new IntegerCodec<byte>(),
        [typeof(double)] = () => new DoubleCodec(),
        [typeof(float)] = () => new SingleCodec(),
        [typeof(string)] = () => new StringCodec(),
        [typeof(bool)] = () => new BooleanCodec(),
        [typeof(DateTime)] = () => new DateTimeCodec(),
        [typeof(DateTimeOffset)] = () => new DateTimeOffsetCodec(),
        [typeof(TimeSpan)] = () => new TimeSpanCodec(),
        [typeof(FlyteFile)] = () => new FileCodec(),
        [typeof(FlyteDirectory)] = () => new DirectoryCodec(),
    };

    /// <summary>The codec for <paramref name="type"/>; <paramref name="signature"/> null means the CLR's own nullability.</summary>
    /// <exception cref="FlyteTypeException">The type, or a type inside it, is not supported.</exception>
    /// <exception cref="ArgumentException">The signature does not describe the type.</exception>
    public static Codec Create(Type type, string? signature)
    {
        ArgumentNullException.ThrowIfNull(type);
        var cursor = new SignatureCursor(type, signature);
        var codec = Create(type, ref cursor);
        cursor.EnsureFinished();
        return codec;
    }

    /// <summary>The nullability signature the CLR alone gives <paramref name="type"/>: value types as declared, references not null.</summary>
    public static string DefaultSignature(Type type)
    {
        var builder = new System.Text.StringBuilder();
        AppendDefault(builder, type);
        return builder.ToString();
    }

    private static void AppendDefault(System.Text.StringBuilder builder, Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type);
        builder.Append(underlying is null ? NullabilitySignature.NotNull : NullabilitySignature.Nullable);
        var shape = TypeShape.Of(underlying ?? type);
        if (shape.Inner is not null)
        {
            AppendDefault(builder, shape.Inner);
        }
    }

    private static Codec Create(Type type, ref SignatureCursor cursor)
    {
        var nullable = cursor.Next(type);
        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            var variant = CreateNotNull(underlying, ref cursor);
            return Instantiate(cursor.Root, typeof(NullableValueCodec<>).MakeGenericType(underlying), variant);
        }

        var codec = CreateNotNull(type, ref cursor);
        return nullable ? Instantiate(cursor.Root, typeof(NullableReferenceCodec<>).MakeGenericType(type), codec) : codec;
    }

    private static Codec CreateNotNull(Type type, ref SignatureCursor cursor)
    {
        if (Leaves.TryGetValue(type, out var leaf))
        {
            return leaf();
        }

        if (type.IsEnum)
        {
            return Instantiate(cursor.Root, typeof(EnumCodec<>).MakeGenericType(type));
        }

        if (type.IsGenericType && !type.IsGenericTypeDefinition)
        {
            var definition = type.GetGenericTypeDefinition();
            var format = type.GetGenericArguments()[0];
            if (definition == typeof(FlyteFile<>))
            {
                return Instantiate(cursor.Root, typeof(TypedFileCodec<>).MakeGenericType(format));
            }

            if (definition == typeof(FlyteDirectory<>))
            {
                return Instantiate(cursor.Root, typeof(TypedDirectoryCodec<>).MakeGenericType(format));
            }
        }

        var shape = TypeShape.Of(type);
        switch (shape.Kind)
        {
            case ShapeKind.Array:
                return Instantiate(cursor.Root, typeof(ArrayCodec<>).MakeGenericType(shape.Inner!), Create(shape.Inner!, ref cursor));
            case ShapeKind.Sequence:
                return Instantiate(cursor.Root, typeof(SequenceCodec<,>).MakeGenericType(type, shape.Inner!), Create(shape.Inner!, ref cursor));
            case ShapeKind.Map:
                return Instantiate(cursor.Root, typeof(MapCodec<,>).MakeGenericType(type, shape.Inner!), Create(shape.Inner!, ref cursor));
            default:
                throw new FlyteTypeException(
                    $"{TypeDisplay.Of(type)} is not a supported Flyte type{Inside(type, cursor.Root)}. Supported: {SupportedTypes}.");
        }
    }

    private static Codec Instantiate(Type root, Type codecType, params object[] arguments)
    {
        try
        {
            return (Codec)Activator.CreateInstance(codecType, arguments)!;
        }
        catch (System.Reflection.TargetInvocationException e) when (e.InnerException is FlyteTypeException inner)
        {
            // A codec that cannot exist for this type (an enum without members, a format type without [BlobFormat]).
            var codecFor = codecType.GetGenericArguments()[^1];
            throw new FlyteTypeException(inner.Message + Inside(codecFor, root), inner);
        }
    }

    private static string Inside(Type type, Type root) => type == root ? string.Empty : " (inside " + TypeDisplay.Of(root) + ")";

    /// <summary>Walks a nullability signature alongside the type, one position at a time.</summary>
    private ref struct SignatureCursor(Type root, string? signature)
    {
        private int position;

        public readonly Type Root => root;

        /// <summary>Whether the next position may be null; checks value types against the signature.</summary>
        public bool Next(Type type)
        {
            var isNullableValue = Nullable.GetUnderlyingType(type) is not null;
            if (signature is null)
            {
                return isNullableValue;
            }

            if (position >= signature.Length)
            {
                throw Malformed($"it ends before {TypeDisplay.Of(type)}");
            }

            var mark = signature[position++];
            if (mark != NullabilitySignature.Nullable && mark != NullabilitySignature.NotNull)
            {
                throw Malformed($"'{mark}' is neither '{NullabilitySignature.Nullable}' nor '{NullabilitySignature.NotNull}'");
            }

            var nullable = mark == NullabilitySignature.Nullable;
            if (type.IsValueType && nullable != isNullableValue)
            {
                throw Malformed($"it marks the value type {TypeDisplay.Of(type)} as {(nullable ? "nullable" : "not nullable")}");
            }

            return nullable;
        }

        public readonly void EnsureFinished()
        {
            if (signature is not null && position != signature.Length)
            {
                throw Malformed($"it has {signature.Length - position} more position(s) than the type");
            }
        }

        private readonly ArgumentException Malformed(string problem) => new(
            $"The nullability signature \"{signature}\" does not describe {TypeDisplay.Of(root)}: {problem} " +
            $"(expected {DefaultSignature(root).Length} position(s), like \"{DefaultSignature(root)}\").");
    }
}
