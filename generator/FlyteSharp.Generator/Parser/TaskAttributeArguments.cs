using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace FlyteSharp.Generator.Parser
{
    /// <summary>The named arguments of one <c>[FlyteTask(...)]</c>, with where each was written.</summary>
    internal sealed class TaskAttributeArguments
    {
        private readonly Dictionary<string, AttributeArgumentSyntax> syntaxByName;

        private TaskAttributeArguments(AttributeData attribute, AttributeSyntax? syntax)
        {
            AttributeLocation = syntax?.GetLocation();
            syntaxByName = new Dictionary<string, AttributeArgumentSyntax>(System.StringComparer.Ordinal);
            foreach (var argument in syntax?.ArgumentList?.Arguments ?? default)
            {
                if (argument.NameEquals is { } nameEquals && !syntaxByName.ContainsKey(nameEquals.Name.Identifier.ValueText))
                {
                    syntaxByName[nameEquals.Name.Identifier.ValueText] = argument;
                }
            }

            foreach (var argument in attribute.NamedArguments)
            {
                var value = argument.Value;
                switch (argument.Key)
                {
                    case "Name":
                        Name = value.Value as string;
                        break;
                    case "Cache":
                        Cache = value.Value is true;
                        break;
                    case "CacheVersion":
                        CacheVersion = value.Value as string;
                        break;
                    case "CacheVersionPolicy":
                        // The enum's values, as FlyteSharp.CacheVersionPolicy declares them.
                        FunctionBodyVersion = value.Value is 1;
                        break;
                    case "CacheSerialize":
                        CacheSerialize = value.Value is true;
                        break;
                    case "CacheIgnoreInputs":
                        CacheIgnoreInputs = value.IsNull || value.Kind != TypedConstantKind.Array
                            ? null
                            : value.Values.Select(element => element.Value as string).ToArray();
                        break;
                }
            }
        }

        /// <summary>The <c>Name</c> argument, null when absent.</summary>
        public string? Name { get; }

        /// <summary>The <c>Cache</c> argument.</summary>
        public bool Cache { get; }

        /// <summary>The <c>CacheVersion</c> argument, null when absent.</summary>
        public string? CacheVersion { get; }

        /// <summary>Whether <c>CacheVersionPolicy = CacheVersionPolicy.FunctionBody</c>: the version comes from the body.</summary>
        public bool FunctionBodyVersion { get; }

        /// <summary>The <c>CacheSerialize</c> argument.</summary>
        public bool CacheSerialize { get; }

        /// <summary>The <c>CacheIgnoreInputs</c> argument, null when absent (elements may be null).</summary>
        public IReadOnlyList<string?>? CacheIgnoreInputs { get; }

        /// <summary>The whole attribute, where an argument's own location is unknown.</summary>
        public Location? AttributeLocation { get; }

        /// <summary>Reads <paramref name="attribute"/>.</summary>
        public static TaskAttributeArguments Read(AttributeData attribute, CancellationToken cancellationToken) =>
            new(attribute, attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) as AttributeSyntax);

        /// <summary>Whether the argument <paramref name="name"/> was written (whatever its value).</summary>
        public bool IsWritten(string name) => syntaxByName.ContainsKey(name);

        /// <summary>The value written for argument <paramref name="name"/>, or the attribute when it was not written.</summary>
        public Location? LocationOf(string name) =>
            syntaxByName.TryGetValue(name, out var argument) ? argument.Expression.GetLocation() : AttributeLocation;

        /// <summary>
        /// The element <paramref name="index"/> of the array written for argument <paramref name="name"/>
        /// (<c>new[] { ... }</c>, <c>new string[] { ... }</c> or <c>[ ... ]</c>), or the whole value.
        /// </summary>
        public Location? LocationOfElement(string name, int index)
        {
            if (!syntaxByName.TryGetValue(name, out var argument))
            {
                return AttributeLocation;
            }

            var elements = argument.Expression switch
            {
                ArrayCreationExpressionSyntax { Initializer: { } initializer } => initializer.Expressions.Cast<SyntaxNode>().ToList(),
                ImplicitArrayCreationExpressionSyntax creation => creation.Initializer.Expressions.Cast<SyntaxNode>().ToList(),
                CollectionExpressionSyntax collection => collection.Elements.Cast<SyntaxNode>().ToList(),
                _ => new List<SyntaxNode>(),
            };
            return index < elements.Count ? elements[index].GetLocation() : argument.Expression.GetLocation();
        }
    }
}
