using System.Collections.Concurrent;
using System.Reflection;
using Flyteidl.Core;
using FlyteSharp.Literals.Codecs;
using FlyteSharp.Typing;

namespace FlyteSharp.Literals;

/// <summary>
/// Converts C# values to Flyte literals and back for every supported type (DESIGN §4). Generated task clients
/// call these to encode inputs and decode outputs.
/// </summary>
/// <remarks>
/// <para>
/// Supported: <c>long</c>/<c>int</c>/<c>short</c>/<c>byte</c> (INTEGER; reading into a narrower type checks the range),
/// <c>double</c>/<c>float</c> (FLOAT), <c>string</c>, <c>bool</c>, <c>DateTime</c>/<c>DateTimeOffset</c> (DATETIME,
/// UTC), <c>TimeSpan</c> (DURATION), <see cref="FlyteFile"/>/<see cref="FlyteFile{TFormat}"/> (SINGLE blob),
/// <see cref="FlyteDirectory"/>/<see cref="FlyteDirectory{TFormat}"/> (MULTIPART blob), enums (member names),
/// <c>T[]</c>/<c>List&lt;T&gt;</c>/<c>IList&lt;T&gt;</c>/<c>IReadOnlyList&lt;T&gt;</c>/<c>ICollection&lt;T&gt;</c>/
/// <c>IReadOnlyCollection&lt;T&gt;</c>/<c>IEnumerable&lt;T&gt;</c> (collection),
/// <c>Dictionary&lt;string,T&gt;</c>/<c>IDictionary</c>/<c>IReadOnlyDictionary</c> (map), and <c>T?</c> as the
/// union <c>[T, NONE]</c> with flytekit's variant tags (<see cref="FlytekitNames.UnionTags"/>).
/// </para>
/// <para>
/// Time precision: .NET counts 100 ns ticks, so a DATETIME or DURATION with nanoseconds below 100 loses them on
/// reading (timestamps round toward the earlier instant, durations toward zero); writing is exact. A
/// <c>DateTime</c> of kind <see cref="DateTimeKind.Unspecified"/> is taken to be UTC; a local one is converted.
/// </para>
/// <para>
/// Nullable reference types are invisible in <c>typeof(T)</c>: the generic methods without a signature treat every
/// reference type as not nullable. Pass a <see cref="NullabilitySignature"/> (the generator does), or use
/// <see cref="For(ParameterInfo)"/> to read the annotations of a parameter.
/// </para>
/// </remarks>
public static class LiteralConverter
{
    private static readonly ConcurrentDictionary<(Type Type, string Signature), ILiteralConverter> BySignature = new();

    /// <summary>Encodes <paramref name="value"/> as a Flyte literal of the type Flyte expects for <typeparamref name="T"/>.</summary>
    /// <exception cref="FlyteTypeException">The type is not supported, or the value does not fit it.</exception>
    public static Literal ToLiteral<T>(T value) => DefaultConverter<T>.Instance.ToLiteral(value);

    /// <summary>Decodes <paramref name="literal"/> as a <typeparamref name="T"/>, with a clear error when it does not fit.</summary>
    /// <exception cref="FlyteTypeException">The type is not supported, or the literal does not fit it.</exception>
    public static T FromLiteral<T>(Literal literal) => DefaultConverter<T>.Instance.FromLiteral(literal);

    /// <summary>The Flyte type of <typeparamref name="T"/> (reference types not nullable).</summary>
    /// <exception cref="FlyteTypeException">The type is not supported.</exception>
    public static FlyteType TypeOf<T>() => DefaultConverter<T>.Instance.Type;

    /// <summary>The Flyte type of <paramref name="type"/> (reference types not nullable).</summary>
    /// <exception cref="FlyteTypeException">The type is not supported.</exception>
    public static FlyteType TypeOf(Type type) => For(type).Type;

    /// <summary>The protobuf <c>LiteralType</c> of <typeparamref name="T"/> (a fresh copy).</summary>
    /// <exception cref="FlyteTypeException">The type is not supported.</exception>
    public static LiteralType LiteralTypeOf<T>() => DefaultConverter<T>.Instance.CreateLiteralType();

    /// <summary>The protobuf <c>LiteralType</c> of <paramref name="type"/> (a fresh copy).</summary>
    /// <exception cref="FlyteTypeException">The type is not supported.</exception>
    public static LiteralType LiteralTypeOf(Type type) => For(type).CreateLiteralType();

    /// <summary>The converter for <typeparamref name="T"/>, with reference types not nullable.</summary>
    /// <exception cref="FlyteTypeException">The type is not supported.</exception>
    public static LiteralConverter<T> For<T>() => DefaultConverter<T>.Instance;

    /// <summary>
    /// The converter for <typeparamref name="T"/> with the nullability the compiler knows, e.g.
    /// <c>For&lt;List&lt;string?&gt;&gt;("!?")</c>. Cached: equal arguments give the same converter.
    /// </summary>
    /// <param name="nullabilitySignature">One <c>?</c> or <c>!</c> per type position, see <see cref="NullabilitySignature"/>.</param>
    /// <exception cref="FlyteTypeException">The type is not supported.</exception>
    /// <exception cref="ArgumentException">The signature does not describe the type.</exception>
    public static LiteralConverter<T> For<T>(string nullabilitySignature) => (LiteralConverter<T>)For(typeof(T), nullabilitySignature);

    /// <summary>The converter for <paramref name="type"/>, with reference types not nullable.</summary>
    /// <exception cref="FlyteTypeException">The type is not supported.</exception>
    public static ILiteralConverter For(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return ForClrNullability(type);
    }

    /// <summary>The converter for <paramref name="type"/> with the given nullability signature.</summary>
    /// <exception cref="FlyteTypeException">The type is not supported.</exception>
    /// <exception cref="ArgumentException">The signature does not describe the type.</exception>
    public static ILiteralConverter For(Type type, string nullabilitySignature)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentException.ThrowIfNullOrEmpty(nullabilitySignature);
        return BySignature.GetOrAdd((type, nullabilitySignature), static key => Build(key.Type, key.Signature));
    }

    /// <summary>
    /// The converter for a parameter (or a method's <see cref="MethodInfo.ReturnParameter"/>), with the nullable
    /// reference annotations the compiler recorded on it.
    /// </summary>
    /// <exception cref="FlyteTypeException">The type is not supported.</exception>
    public static ILiteralConverter For(ParameterInfo parameter)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        var nullability = new NullabilityInfoContext().Create(parameter);
        return For(parameter.ParameterType, NullabilitySignatureOf(parameter.ParameterType, nullability));
    }

    private static string NullabilitySignatureOf(Type type, NullabilityInfo info)
    {
        var builder = new System.Text.StringBuilder();
        Append(type, info);
        return builder.ToString();

        void Append(Type position, NullabilityInfo? positionInfo)
        {
            var underlying = Nullable.GetUnderlyingType(position);
            var nullable = underlying is not null
                || (!position.IsValueType && positionInfo?.ReadState == NullabilityState.Nullable);
            builder.Append(nullable ? NullabilitySignature.Nullable : NullabilitySignature.NotNull);
            var shape = TypeShape.Of(underlying ?? position);
            switch (shape.Kind)
            {
                case ShapeKind.Array:
                    Append(shape.Inner!, positionInfo?.ElementType);
                    break;
                case ShapeKind.Sequence:
                    Append(shape.Inner!, positionInfo?.GenericTypeArguments.ElementAtOrDefault(0));
                    break;
                case ShapeKind.Map:
                    Append(shape.Inner!, positionInfo?.GenericTypeArguments.ElementAtOrDefault(1));
                    break;
            }
        }
    }

    private static ILiteralConverter ForClrNullability(Type type) =>
        BySignature.GetOrAdd((type, string.Empty), static key => Build(key.Type, null));

    private static ILiteralConverter Build(Type type, string? signature)
    {
        var codec = CodecFactory.Create(type, signature);
        var converterType = typeof(LiteralConverter<>).MakeGenericType(type);
        return (ILiteralConverter)Activator.CreateInstance(
            converterType,
            BindingFlags.Instance | BindingFlags.NonPublic,
            binder: null,
            args: [codec, signature ?? CodecFactory.DefaultSignature(type)],
            culture: null)!;
    }

    /// <summary>One converter per <typeparamref name="T"/>, built on first use; a failure is kept and reported on every use.</summary>
    private static class DefaultConverter<T>
    {
        private static readonly LiteralConverter<T>? Converter;
        private static readonly FlyteTypeException? Failure;

        static DefaultConverter()
        {
            try
            {
                Converter = (LiteralConverter<T>)ForClrNullability(typeof(T));
            }
            catch (FlyteTypeException e)
            {
                Failure = e;
            }
        }

        public static LiteralConverter<T> Instance => Converter ?? throw new FlyteTypeException(Failure!.Message, Failure);
    }
}
