using Google.Protobuf;

namespace FlyteSharp.Caching;

/// <summary>
/// The JSON text Flyte hashes for a message (golang/protobuf jsonpb's compact rendering), for explaining a cache
/// key. Hashing this text with <see cref="Hashing.ObjectHash.OfJson"/> gives <see cref="ProtoObjectHash"/>'s hash.
/// </summary>
public static class CanonicalJson
{
    /// <summary>Renders <paramref name="message"/> as Flyte's jsonpb does.</summary>
    /// <exception cref="CacheKeyException">Flyte's jsonpb would refuse to render the message.</exception>
    public static string Render(IMessage message) => ProtoObjectHash.Default.RenderJson(message);
}
