namespace FlyteSharp;

/// <summary>The Flyte IDL release whose .proto files this assembly was compiled from.</summary>
public static class FlyteIdl
{
    /// <summary>The pinned <c>@flyteorg/flyteidl</c> npm package version (protos/package.json).</summary>
    public const string Version = "1.16.5";
}
