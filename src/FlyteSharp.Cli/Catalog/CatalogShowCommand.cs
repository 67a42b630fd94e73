using System.CommandLine;
using Datacatalog;
using Flyteidl.Core;
using FlyteSharp.Caching;
using FlyteSharp.Cli.Output;
using FlyteSharp.Typing;
using Google.Protobuf;

namespace FlyteSharp.Cli.Catalog;

/// <summary><c>flytesharp catalog show DATASET TAG|ID</c>: one artifact with its outputs' literals and types.</summary>
internal static class CatalogShowCommand
{
    private static readonly JsonFormatter FallbackJson = new(JsonFormatter.Settings.Default);

    public static Command Create(CliConsole console)
    {
        var database = CatalogSource.CreateDatabaseOption("The embedded catalog file");
        var endpoint = CatalogSource.CreateEndpointOption();
        var json = CatalogCommands.CreateJsonOption("One JSON object (the literals as proto3 JSON) instead of text");
        var dataset = CatalogCommands.CreateDatasetArgument("The artifact's dataset", required: true);
        var artifact = new Argument<string>("ARTIFACT") { Description = "A tag of the artifact (e.g. flyte_cached-...), or its id" };
        var command = new Command("show", "Show one artifact: tags, creation time, metadata, and each output's literal and type")
        {
            database, endpoint, json, dataset, artifact,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var id = DatasetSelector.Parse(parse.GetRequiredValue(dataset)).RequireId("show");
            var name = parse.GetRequiredValue(artifact);
            using var source = await CatalogSource.OpenAsync(parse, database, endpoint, cancellationToken).ConfigureAwait(false);
            var found = await ArtifactLookup.FindAsync(source.Catalog, id, name, cancellationToken).ConfigureAwait(false);
            if (found is null)
            {
                await console.Error.WriteLineAsync($"error: no artifact with tag or id '{name}' in {DatasetSelector.Format(id)}").ConfigureAwait(false);
                return ExitCodes.No;
            }

            var (shown, foundBy) = found.Value;
            if (parse.GetValue(json))
            {
                await console.Out.WriteLineAsync(ToJson(shown, foundBy)).ConfigureAwait(false);
            }
            else
            {
                await WriteTextAsync(console, shown, foundBy).ConfigureAwait(false);
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static async Task WriteTextAsync(CliConsole console, Artifact artifact, ArtifactKey foundBy)
    {
        var facts = new TextTable("FIELD", "VALUE") { ShowHeaders = false };
        facts.AddRow("dataset", DatasetSelector.Format(artifact.Dataset));
        facts.AddRow("artifact", artifact.Id + (foundBy == ArtifactKey.Tag ? " (found by tag)" : " (found by id)"));
        facts.AddRow("tags", CatalogText.Tags(artifact));
        facts.AddRow("created", CatalogText.Time(artifact.CreatedAt));
        facts.AddRow("metadata", CatalogText.KeyMap(artifact.Metadata));
        facts.AddRow("partitions", CatalogText.Partitions(artifact));
        await facts.WriteAsync(console).ConfigureAwait(false);
        await console.Out.WriteLineAsync().ConfigureAwait(false);

        var outputs = new TextTable("OUTPUT", "TYPE", "LITERAL");
        foreach (var data in artifact.Data)
        {
            outputs.AddRow(data.Name, TypeOf(data.Value), LiteralJson(data.Value));
        }

        await outputs.WriteAsync(console).ConfigureAwait(false);
    }

    private static string ToJson(Artifact artifact, ArtifactKey foundBy) => JsonLine.Write(writer =>
    {
        writer.WriteStartObject();
        writer.WriteString("id", artifact.Id);
        writer.WriteString("foundBy", foundBy == ArtifactKey.Tag ? "tag" : "id");
        writer.WritePropertyName("dataset");
        DatasetIdJson.Write(writer, artifact.Dataset.Project, artifact.Dataset.Domain, artifact.Dataset.Name, artifact.Dataset.Version);
        writer.WriteStartArray("tags");
        foreach (var tag in artifact.Tags.Select(tag => tag.Name).Order(StringComparer.Ordinal))
        {
            writer.WriteStringValue(tag);
        }

        writer.WriteEndArray();
        writer.WriteString("createdAt", CatalogText.IsoTime(artifact.CreatedAt));
        writer.WriteStartObject("metadata");
        foreach (var (key, value) in (artifact.Metadata?.KeyMap ?? []).OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            writer.WriteString(key, value);
        }

        writer.WriteEndObject();
        writer.WriteStartArray("outputs");
        foreach (var data in artifact.Data)
        {
            writer.WriteStartObject();
            writer.WriteString("name", data.Name);
            writer.WriteString("type", TypeOf(data.Value));
            writer.WritePropertyName("literal");
            writer.WriteRawValue(LiteralJson(data.Value));
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    });

    // Compact, and the same rendering as cache-key tag --explain; a value Flyte's jsonpb cannot render (an out-of-range
    // timestamp, say) still shows, in Google.Protobuf's rendering.
    private static string LiteralJson(Literal? literal)
    {
        literal ??= new Literal();
        try
        {
            return CanonicalJson.Render(literal);
        }
        catch (CacheKeyException)
        {
            return FallbackJson.Format(literal);
        }
    }

    // The catalog stores literals, not types: the type is inferred from the literal, as Flyte does when it checks a hit.
    private static string TypeOf(Literal? literal) =>
        literal is null ? "no literal"
        : LiteralTypeInference.TryInfer(literal, "literal", out var type, out var failure) ? type.ToString()
        : "unknown (" + failure + ")";
}
