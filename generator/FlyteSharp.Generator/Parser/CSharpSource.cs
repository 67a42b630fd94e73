using System;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace FlyteSharp.Generator.Parser
{
    /// <summary>Renders names and constants as C# source, invariantly.</summary>
    internal static class CSharpSource
    {
        /// <summary><paramref name="name"/> as an identifier: a reserved keyword gets an <c>@</c>.</summary>
        public static string Identifier(string name) =>
            SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None ? "@" + name : name;

        /// <summary>A string literal holding <paramref name="value"/>.</summary>
        public static string StringLiteral(string value) => SymbolDisplay.FormatLiteral(value, quote: true);

        /// <summary>
        /// The default value of <paramref name="parameter"/> as C# source, or null when it has none. Generated
        /// methods repeat it so callers of the typed client may leave the argument out, as they can on the task.
        /// </summary>
        public static string? DefaultValue(IParameterSymbol parameter)
        {
            if (!parameter.HasExplicitDefaultValue)
            {
                return null;
            }

            var value = parameter.ExplicitDefaultValue;
            if (value is null)
            {
                return "default";
            }

            var type = parameter.Type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable
                ? nullable.TypeArguments[0]
                : parameter.Type;
            var literal = Constant(value);
            return type.TypeKind == TypeKind.Enum
                ? "(" + SymbolNames.ForCode(type.WithNullableAnnotation(NullableAnnotation.NotAnnotated)) + ")(" + literal + ")"
                : literal;
        }

        private static string Constant(object value) => value switch
        {
            string text => StringLiteral(text),
            char character => SymbolDisplay.FormatLiteral(character, quote: true),
            bool flag => flag ? "true" : "false",
            double number => Double(number),
            float number => Single(number),
            decimal number => number.ToString(CultureInfo.InvariantCulture) + "M",
            long number => number.ToString(CultureInfo.InvariantCulture) + "L",
            ulong number => number.ToString(CultureInfo.InvariantCulture) + "UL",
            uint number => number.ToString(CultureInfo.InvariantCulture) + "U",
            IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
            _ => throw new ArgumentOutOfRangeException(nameof(value), value, "C# has no constant of this type."),
        };

        private static string Double(double number) =>
            double.IsNaN(number) ? "double.NaN"
            : double.IsPositiveInfinity(number) ? "double.PositiveInfinity"
            : double.IsNegativeInfinity(number) ? "double.NegativeInfinity"
            : number.ToString("R", CultureInfo.InvariantCulture) + "D";

        private static string Single(float number) =>
            float.IsNaN(number) ? "float.NaN"
            : float.IsPositiveInfinity(number) ? "float.PositiveInfinity"
            : float.IsNegativeInfinity(number) ? "float.NegativeInfinity"
            : number.ToString("R", CultureInfo.InvariantCulture) + "F";
    }
}
