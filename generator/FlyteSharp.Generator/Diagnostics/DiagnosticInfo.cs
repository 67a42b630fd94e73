using System.Linq;
using FlyteSharp.Core;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace FlyteSharp.Generator.Diagnostics
{
    /// <summary>A diagnostic waiting to be reported, as plain equatable data.</summary>
    /// <remarks>
    /// A <see cref="Diagnostic"/> holds a <see cref="Location"/>, which holds the syntax tree and through it the
    /// compilation; keeping one in the pipeline would keep old compilations alive and defeat caching.
    /// </remarks>
    internal sealed record DiagnosticInfo(DiagnosticDescriptor Descriptor, LocationInfo? Location, EquatableArray<string> Arguments)
    {
        /// <summary>Describes a diagnostic at <paramref name="location"/>.</summary>
        public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, Location? location, params string[] arguments) =>
            new(descriptor, LocationInfo.From(location), arguments.ToEquatableArray());

        /// <summary>Describes a diagnostic at an already captured location.</summary>
        public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, LocationInfo? location, params string[] arguments) =>
            new(descriptor, location, arguments.ToEquatableArray());

        /// <summary>The Roslyn diagnostic to report.</summary>
        public Diagnostic ToDiagnostic() =>
            Diagnostic.Create(Descriptor, Location?.ToLocation() ?? Microsoft.CodeAnalysis.Location.None, Arguments.Cast<object>().ToArray());
    }

    /// <summary>A source location without the syntax tree behind it.</summary>
    internal sealed record LocationInfo(string FilePath, TextSpan Span, LinePositionSpan LineSpan)
    {
        /// <summary>Captures <paramref name="location"/>, or null when it is not in source.</summary>
        public static LocationInfo? From(Location? location) =>
            location is null || !location.IsInSource
                ? null
                : new LocationInfo(location.SourceTree?.FilePath ?? string.Empty, location.SourceSpan, location.GetLineSpan().Span);

        /// <summary>A location Roslyn can report.</summary>
        public Location ToLocation() => Location.Create(FilePath, Span, LineSpan);
    }
}
