namespace FlyteSharp.Catalog.Server;

internal static class ServerInfo
{
    public const string Name = "FlyteSharp.Catalog.Server";
}
