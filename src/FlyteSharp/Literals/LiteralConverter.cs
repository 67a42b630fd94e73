using Flyteidl.Core;

namespace FlyteSharp.Literals;

/// <summary>
/// Converts C# values to Flyte literals and back for every supported type (DESIGN §4). Generated task clients
/// call these to encode inputs and decode outputs.
/// </summary>
public static class LiteralConverter
{
    /// <summary>Encodes <paramref name="value"/> as a Flyte literal of the type Flyte expects for <typeparamref name="T"/>.</summary>
    public static Literal ToLiteral<T>(T value) =>
        throw new NotSupportedException("Literal conversion is being implemented (branch 'literals').");

    /// <summary>Decodes <paramref name="literal"/> as a <typeparamref name="T"/>, with a clear error when it does not fit.</summary>
    public static T FromLiteral<T>(Literal literal) =>
        throw new NotSupportedException("Literal conversion is being implemented (branch 'literals').");
}
