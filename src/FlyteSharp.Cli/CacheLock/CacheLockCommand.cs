using System.CommandLine;
using System.Text;

namespace FlyteSharp.Cli.CacheLock;

/// <summary>
/// <c>flytesharp cache lock [PROJECT]</c>: writes or updates <c>flyte.cache.lock.json</c> next to the project, the
/// state the cache lock analyzer (FLYTE040-043) compares the code with.
/// </summary>
internal static class CacheLockCommand
{
    /// <summary>The <c>cache</c> command with its <c>lock</c> subcommand.</summary>
    public static Command Create(TextWriter output, TextWriter error)
    {
        var project = new Argument<string?>("PROJECT")
        {
            Description = "The project file, or a folder holding one (default: the current folder).",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var lockCommand = new Command("lock", "Build the project and write flyte.cache.lock.json: per cached task its name, cache version, dataset version and body hash.")
        {
            project,
        };
        lockCommand.SetAction(async (parse, cancellationToken) =>
        {
            try
            {
                var projectFile = ProjectCacheLock.ResolveProject(parse.GetValue(project));
                var text = await ProjectCacheLock.ComputeAsync(projectFile, cancellationToken).ConfigureAwait(false);
                var path = Path.Combine(Path.GetDirectoryName(projectFile)!, ProjectCacheLock.FileName);
                if (File.Exists(path) && await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false) == text)
                {
                    await output.WriteLineAsync($"{path} is up to date").ConfigureAwait(false);
                    return 0;
                }

                await File.WriteAllTextAsync(path, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), cancellationToken).ConfigureAwait(false);
                await output.WriteLineAsync($"wrote {path}").ConfigureAwait(false);
                return 0;
            }
            catch (CacheLockException e)
            {
                await error.WriteLineAsync("error: " + e.Message).ConfigureAwait(false);
                return 1;
            }
        });

        return new Command("cache", "The compile-time cache lock.") { lockCommand };
    }
}
