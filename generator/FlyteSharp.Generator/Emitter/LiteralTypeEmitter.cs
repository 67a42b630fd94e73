using System;
using FlyteSharp.Generator.Parser;
using FlyteSharp.Typing;

namespace FlyteSharp.Generator.Emitter
{
    /// <summary>Writes a <see cref="FlyteType"/> as C# that builds the equivalent <c>flyteidl.core.LiteralType</c>.</summary>
    internal static class LiteralTypeEmitter
    {
        /// <summary>
        /// Writes <paramref name="prefix"/>, an expression building <paramref name="type"/>, then
        /// <paramref name="suffix"/>: one line for a leaf type, an indented initializer for a container.
        /// </summary>
        public static void Write(SourceWriter writer, FlyteType type, string prefix, string suffix)
        {
            var structure = type.StructureTag is null
                ? null
                : "Structure = new " + CodeNames.TypeStructure + " { Tag = " + CSharpSource.StringLiteral(type.StructureTag) + " }";
            var leaf = Leaf(type);
            if (leaf is not null)
            {
                var members = structure is null ? leaf : leaf + ", " + structure;
                writer.WriteLine(prefix + "new " + CodeNames.LiteralType + " { " + members + " }" + suffix);
                return;
            }

            writer.WriteLine(prefix + "new " + CodeNames.LiteralType);
            writer.OpenBlock();
            switch (type)
            {
                case CollectionType collection:
                    Write(writer, collection.ElementType, "CollectionType = ", ",");
                    break;
                case MapType map:
                    Write(writer, map.ValueType, "MapValueType = ", ",");
                    break;
                case UnionType union:
                    writer.WriteLine("UnionType = new " + CodeNames.UnionType);
                    writer.OpenBlock();
                    writer.WriteLine("Variants =");
                    writer.OpenBlock();
                    foreach (var variant in union.Variants)
                    {
                        Write(writer, variant, string.Empty, ",");
                    }

                    writer.CloseBlock(",");
                    writer.CloseBlock(",");
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(type), type, "The generator never builds this Flyte type.");
            }

            if (structure is not null)
            {
                writer.WriteLine(structure + ",");
            }

            writer.CloseBlock(suffix);
        }

        private static string? Leaf(FlyteType type) => type switch
        {
            SimpleType simple => "Simple = " + CodeNames.SimpleType + "." + simple.Kind,
            BlobType blob => "Blob = new " + CodeNames.BlobType + " { Format = " + CSharpSource.StringLiteral(blob.Format)
                + ", Dimensionality = " + CodeNames.BlobDimensionality + "." + blob.Dimensionality + " }",
            EnumType { Values.Count: 0 } => "EnumType = new " + CodeNames.EnumType + "()",
            EnumType enumType => "EnumType = new " + CodeNames.EnumType + " { Values = { " + string.Join(", ", System.Linq.Enumerable.Select(enumType.Values, CSharpSource.StringLiteral)) + " } }",
            _ => null,
        };
    }
}
