using FlyteSharp.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace FlyteSharp.Generator.Tests.Diagnostics;

/// <summary>Runs marked-up sources and checks that exactly the marked diagnostics are reported.</summary>
internal static class DiagnosticTestSupport
{
    public const string FileName = "Tasks.cs";

    public const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;
        using FlyteSharp;
        using FlyteSharp.Formats;

        """;

    /// <summary>
    /// Runs the generator on <paramref name="markup"/> (usings added) and fails unless the reported diagnostics
    /// are exactly those marked <c>{|FLYTE###:text|}</c>; the rest of the code must still compile cleanly.
    /// </summary>
    public static IReadOnlyList<Diagnostic> Expect(string markup)
    {
        var parsed = DiagnosticMarkup.Parse(Usings + markup);
        var run = GeneratorHarness.Run(GeneratorHarness.Compile((FileName, parsed.Source)));
        var reported = parsed.AssertReported(run.GeneratorDiagnostics, FileName);
        run.AssertCompiles();
        return reported;
    }

    /// <summary>Runs the generator on <paramref name="source"/> and fails on any diagnostic or compilation warning.</summary>
    public static GeneratorRun ExpectNone(string source) =>
        GeneratorHarness.Run(GeneratorHarness.Compile((FileName, Usings + source))).AssertClean();

    /// <summary>The message of the only diagnostic, for checks of what it says.</summary>
    public static string Message(IReadOnlyList<Diagnostic> diagnostics) =>
        Assert.Single(diagnostics).GetMessage(System.Globalization.CultureInfo.InvariantCulture);
}
