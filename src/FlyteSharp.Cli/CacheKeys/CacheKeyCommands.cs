using System.CommandLine;
using System.Globalization;
using Flyteidl.Core;
using FlyteSharp.Caching;
using FlyteSharp.Cli.Input;
using FlyteSharp.Cli.Output;
using FlyteSharp.Hashing;

namespace FlyteSharp.Cli.CacheKeys;

/// <summary><c>flytesharp cache-key tag | dataset</c>: Flyte's cache keys for given inputs and interfaces.</summary>
internal static class CacheKeyCommands
{
    public static Command Create(CliConsole console) => new("cache-key", "Compute Flyte cache keys exactly as flytepropeller does")
    {
        CreateTag(console),
        CreateDataset(console),
    };

    private static Command CreateTag(CliConsole console)
    {
        var ignore = new Option<string[]>("--ignore")
        {
            Description = "Input names left out of the key, comma-separated (exact, top-level names); may be repeated",
            HelpName = "a,b",
            Arity = ArgumentArity.OneOrMore,
        };
        var format = MessageInput.CreateFormatOption();
        var explain = new Option<bool>("--explain")
        {
            Description = "Print the canonical JSON that was hashed and each input's own hash",
        };
        var against = new Option<string>("--against")
        {
            Description = "Compare with the inputs in FILE_B (same --format): name the inputs that change the tag; exit code 1 when the tags differ",
            HelpName = "FILE_B",
        };
        var file = MessageInput.CreateFileArgument("A flyteidl.core.LiteralMap of task inputs");
        var command = new Command("tag", "The artifact tag (flyte_cached-...) of a task's inputs")
        {
            ignore, format, explain, against, file,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var ignored = IgnoredNames(parse.GetValue(ignore));
            var inputFormat = MessageInput.GetFormat(parse, format);
            var path = parse.GetValue(file);
            var baselinePath = parse.GetValue(against);
            if (inputFormat == MessageFormat.PbBase64)
            {
                if (parse.GetValue(explain) || baselinePath is not null)
                {
                    throw new CliUsageException("--explain and --against read one message each: use --format json or pb");
                }

                return await WriteLinesAsync(
                    console,
                    MessageInput.ReadBase64LinesAsync(path, console, LiteralMap.Parser, cancellationToken),
                    inputs => CacheTag.Compute(inputs, ignored)).ConfigureAwait(false);
            }

            if (baselinePath is not null)
            {
                if (MessageInput.IsStandardInput(path) && MessageInput.IsStandardInput(baselinePath))
                {
                    throw new CliUsageException("FILE and --against cannot both read standard input");
                }

                var subject = await MessageInput.ReadOneAsync(path, inputFormat, console, LiteralMap.Parser, cancellationToken).ConfigureAwait(false);
                var baseline = await MessageInput.ReadOneAsync(baselinePath, inputFormat, console, LiteralMap.Parser, cancellationToken).ConfigureAwait(false);
                var comparison = TagComparison.Compare(CacheTag.Explain(subject, ignored), CacheTag.Explain(baseline, ignored));
                await TagExplanationText.WriteAsync(console.Out, comparison, MessageInput.Describe(path), MessageInput.Describe(baselinePath)).ConfigureAwait(false);
                return comparison.SameTag ? ExitCodes.Success : ExitCodes.No;
            }

            var inputs = await MessageInput.ReadOneAsync(path, inputFormat, console, LiteralMap.Parser, cancellationToken).ConfigureAwait(false);
            if (parse.GetValue(explain))
            {
                await TagExplanationText.WriteAsync(console.Out, CacheTag.Explain(inputs, ignored)).ConfigureAwait(false);
            }
            else
            {
                await console.Out.WriteLineAsync(CacheTag.Compute(inputs, ignored)).ConfigureAwait(false);
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static Command CreateDataset(CliConsole console)
    {
        var cacheVersion = new Option<string>("--cache-version")
        {
            Description = "The task's cache version (trimmed of spaces as Flyte does; must not be empty)",
            HelpName = "V",
            Required = true,
        };
        var task = new Option<string>("--task")
        {
            Description = "The task name: print the whole dataset id (one JSON line) instead of the version",
            HelpName = "NAME",
        };
        var project = new Option<string>("--project") { Description = "The project of the dataset id (with --task)", HelpName = "P" };
        var domain = new Option<string>("--domain") { Description = "The domain of the dataset id (with --task)", HelpName = "D" };
        var strip = new Option<bool>("--strip")
        {
            Description = "Strip the interface first as flytepropeller's compiler does (drop descriptions, type metadata, annotations); use it for an interface taken from a task registration",
        };
        var format = MessageInput.CreateFormatOption();
        var file = MessageInput.CreateFileArgument("A flyteidl.core.TypedInterface");
        var command = new Command("dataset", "The catalog dataset version (or, with --task, the dataset id) of a task interface")
        {
            cacheVersion, task, project, domain, strip, format, file,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var version = TrimmedCacheVersion(parse.GetRequiredValue(cacheVersion));
            var identity = DatasetIdentity(parse.GetValue(task), parse.GetValue(project), parse.GetValue(domain));
            var stripFirst = parse.GetValue(strip);
            string Describe(TypedInterface taskInterface)
            {
                var datasetVersion = CatalogDataset.Version(version, stripFirst ? InterfaceStripping.Strip(taskInterface) : taskInterface);
                return identity is null ? datasetVersion : identity.Value.ToJsonLine(datasetVersion);
            }

            var path = parse.GetValue(file);
            var inputFormat = MessageInput.GetFormat(parse, format);
            if (inputFormat == MessageFormat.PbBase64)
            {
                return await WriteLinesAsync(
                    console,
                    MessageInput.ReadBase64LinesAsync(path, console, TypedInterface.Parser, cancellationToken),
                    Describe).ConfigureAwait(false);
            }

            var taskInterface = await MessageInput.ReadOneAsync(path, inputFormat, console, TypedInterface.Parser, cancellationToken).ConfigureAwait(false);
            await console.Out.WriteLineAsync(Describe(taskInterface)).ConfigureAwait(false);
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>Answers every pb-base64 line with one output line (the result or <c>error: reason</c>); exit code 2 if any failed.</summary>
    private static async Task<int> WriteLinesAsync<T>(CliConsole console, IAsyncEnumerable<MessageLine<T>> lines, Func<T, string> answer)
        where T : class
    {
        var failed = 0;
        var total = 0;
        await foreach (var line in lines.ConfigureAwait(false))
        {
            total++;
            string result;
            if (line.Message is null)
            {
                failed++;
                result = "error: " + FlyteSharpCli.OneLine(line.Error ?? "unreadable");
            }
            else
            {
                try
                {
                    result = answer(line.Message);
                }
                catch (CacheKeyException e)
                {
                    failed++;
                    result = string.Create(CultureInfo.InvariantCulture, $"error: line {line.Number}: {FlyteSharpCli.OneLine(e.Message)}");
                }
            }

            await console.Out.WriteLineAsync(result).ConfigureAwait(false);
        }

        if (failed == 0)
        {
            return ExitCodes.Success;
        }

        await console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"error: {failed} of {total} lines failed")).ConfigureAwait(false);
        return ExitCodes.BadInput;
    }

    private static List<string> IgnoredNames(string[]? values) =>
        [.. (values ?? []).SelectMany(value => value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)).Distinct(StringComparer.Ordinal)];

    private static string TrimmedCacheVersion(string cacheVersion)
    {
        try
        {
            return DatasetVersion.TrimCacheVersion(cacheVersion);
        }
        catch (ArgumentException)
        {
            throw new CliUsageException($"--cache-version '{cacheVersion}' is empty after trimming spaces; Flyte refuses an empty cache version");
        }
    }

    private static DatasetIdentity? DatasetIdentity(string? task, string? project, string? domain)
    {
        if (task is null)
        {
            return project is null && domain is null
                ? null
                : throw new CliUsageException("--project and --domain need --task (they name the dataset id, which needs the task name)");
        }

        if (string.IsNullOrWhiteSpace(task))
        {
            throw new CliUsageException("--task must not be empty");
        }

        if (string.IsNullOrEmpty(project) || string.IsNullOrEmpty(domain))
        {
            throw new CliUsageException("--task needs --project and --domain: a dataset id is project, domain, name and version");
        }

        return new DatasetIdentity(project, domain, CatalogDataset.Name(task));
    }
}

/// <summary>The parts of a dataset id that do not depend on the interface.</summary>
internal readonly record struct DatasetIdentity(string Project, string Domain, string Name)
{
    public string ToJsonLine(string version) => DatasetIdJson.Line(Project, Domain, Name, version);
}
