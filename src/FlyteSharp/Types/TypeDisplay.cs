using System.Text;

namespace FlyteSharp;

/// <summary>C# spellings of types for error messages: <c>long?</c>, <c>List&lt;FlyteFile&lt;Csv&gt;&gt;</c>.</summary>
internal static class TypeDisplay
{
    public static string Of(Type type)
    {
        var builder = new StringBuilder();
        Append(builder, type);
        return builder.ToString();
    }

    private static void Append(StringBuilder builder, Type type)
    {
        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            Append(builder, underlying);
            builder.Append('?');
            return;
        }

        if (type.IsArray)
        {
            Append(builder, type.GetElementType()!);
            builder.Append('[').Append(',', type.GetArrayRank() - 1).Append(']');
            return;
        }

        if (Keyword(type) is { } keyword)
        {
            builder.Append(keyword);
            return;
        }

        var name = type.Name;
        var tick = name.IndexOf('`', StringComparison.Ordinal);
        builder.Append(tick < 0 ? name : name[..tick]);
        if (type.IsGenericType)
        {
            builder.Append('<');
            var arguments = type.GetGenericArguments();
            for (var i = 0; i < arguments.Length; i++)
            {
                if (i > 0)
                {
                    builder.Append(", ");
                }

                Append(builder, arguments[i]);
            }

            builder.Append('>');
        }
    }

    private static string? Keyword(Type type) => Type.GetTypeCode(type) switch
    {
        _ when type.IsEnum => null,
        TypeCode.Boolean => "bool",
        TypeCode.Byte => "byte",
        TypeCode.SByte => "sbyte",
        TypeCode.Int16 => "short",
        TypeCode.UInt16 => "ushort",
        TypeCode.Int32 => "int",
        TypeCode.UInt32 => "uint",
        TypeCode.Int64 => "long",
        TypeCode.UInt64 => "ulong",
        TypeCode.Single => "float",
        TypeCode.Double => "double",
        TypeCode.Decimal => "decimal",
        TypeCode.Char => "char",
        TypeCode.String => "string",
        _ when type == typeof(object) => "object",
        _ => null,
    };
}
