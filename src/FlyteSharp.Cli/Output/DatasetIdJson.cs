using System.Text.Json;

namespace FlyteSharp.Cli.Output;

/// <summary>A dataset id in JSON, the same shape wherever the CLI prints one (cache-key dataset --task, catalog ls --json).</summary>
internal static class DatasetIdJson
{
    public static string Line(string project, string domain, string name, string version) =>
        JsonLine.Write(writer => Write(writer, project, domain, name, version));

    public static void Write(Utf8JsonWriter writer, string project, string domain, string name, string version)
    {
        writer.WriteStartObject();
        writer.WriteString("project", project);
        writer.WriteString("domain", domain);
        writer.WriteString("name", name);
        writer.WriteString("version", version);
        writer.WriteEndObject();
    }
}
