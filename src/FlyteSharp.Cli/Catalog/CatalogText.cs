using System.Globalization;
using Datacatalog;
using Google.Protobuf.WellKnownTypes;

namespace FlyteSharp.Cli.Catalog;

/// <summary>How catalog values are shown in tables and lines.</summary>
internal static class CatalogText
{
    public static string Time(Timestamp? timestamp) =>
        timestamp is null ? "-" : timestamp.ToDateTimeOffset().ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static string IsoTime(Timestamp? timestamp) =>
        timestamp is null ? string.Empty : timestamp.ToDateTimeOffset().ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

    public static string Tags(Artifact artifact) =>
        artifact.Tags.Count == 0 ? "-" : string.Join(", ", artifact.Tags.Select(tag => tag.Name).Order(StringComparer.Ordinal));

    public static string Outputs(Artifact artifact) =>
        artifact.Data.Count == 0 ? "-" : string.Join(", ", artifact.Data.Select(data => data.Name));

    public static string KeyMap(Metadata? metadata) =>
        metadata is null || metadata.KeyMap.Count == 0
            ? "-"
            : string.Join(", ", metadata.KeyMap.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => pair.Key + "=" + pair.Value));

    public static string Partitions(Artifact artifact) =>
        artifact.Partitions.Count == 0 ? "-" : string.Join(", ", artifact.Partitions.Select(partition => partition.Key + "=" + partition.Value));
}
