using System.Text;
using FlyteSharp.Typing;

namespace FlyteSharp.Generator.Emitter
{
    /// <summary>
    /// The nullability signature of a value for <c>LiteralConverter.For&lt;T&gt;(signature)</c>: one character per
    /// type position in pre-order (the type, then a collection's element or a map's value), <c>?</c> where null is
    /// allowed, <c>!</c> where it is not (<c>FlyteSharp.Typing.NullabilitySignature</c>). It is read off the Flyte
    /// type, where a nullable position is the union <c>[T, none]</c>: nullable reference annotations are gone from
    /// <c>typeof(T)</c> at run time, so only the generator can tell that a <c>string?</c> is a union.
    /// </summary>
    internal static class NullabilitySignature
    {
        private const char Nullable = '?';
        private const char NotNull = '!';

        /// <summary>The signature of <paramref name="type"/>, or null when no position is nullable.</summary>
        public static string? Of(FlyteType type)
        {
            var signature = new StringBuilder();
            Append(type, signature);
            return signature.ToString().IndexOf(Nullable) < 0 ? null : signature.ToString();
        }

        private static void Append(FlyteType type, StringBuilder signature)
        {
            if (type is UnionType { Variants.Count: 2 } union && union.Variants[1] is SimpleType { Kind: SimpleKind.None })
            {
                signature.Append(Nullable);
                type = union.Variants[0];
            }
            else
            {
                signature.Append(NotNull);
            }

            switch (type)
            {
                case CollectionType collection:
                    Append(collection.ElementType, signature);
                    break;
                case MapType map:
                    Append(map.ValueType, signature);
                    break;
            }
        }
    }
}
