using System.Diagnostics;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace FlyteSharp.Cli.CacheLock;

/// <summary>
/// Computes a project's <c>flyte.cache.lock.json</c>: builds the project with <c>FlyteSharpCacheLock=true</c>, which
/// makes the FlyteSharp generator write the lock text into the assembly as
/// <c>[assembly: AssemblyMetadata("FlyteSharp.CacheLock", ...)]</c>, and reads it back from the built file's
/// metadata (the assembly is never loaded).
/// </summary>
/// <remarks>
/// Building is slower than parsing sources, but only the compiler knows every task's types, names and versions
/// exactly as the generator and the analyzer see them; the lock is then byte-for-byte what the analyzer compares to.
/// </remarks>
internal static class ProjectCacheLock
{
    /// <summary>The lock file's name, at the project root.</summary>
    public const string FileName = "flyte.cache.lock.json";

    private const string MetadataKey = "FlyteSharp.CacheLock";

    /// <summary>The project file <paramref name="path"/> names: a project file, or a folder holding exactly one.</summary>
    /// <exception cref="CacheLockException">No such project, or a folder with none or several.</exception>
    public static string ResolveProject(string? path)
    {
        var full = Path.GetFullPath(string.IsNullOrEmpty(path) ? "." : path);
        if (File.Exists(full))
        {
            return full;
        }

        if (!Directory.Exists(full))
        {
            throw new CacheLockException($"no project or folder '{path}'");
        }

        var projects = Directory.GetFiles(full, "*.csproj");
        return projects.Length == 1
            ? projects[0]
            : throw new CacheLockException(projects.Length == 0
                ? $"no .csproj in '{full}'; name the project file"
                : $"several .csproj in '{full}'; name the project file");
    }

    /// <summary>Builds <paramref name="project"/> asking for the lock data and returns the lock file text.</summary>
    /// <exception cref="CacheLockException">The build failed, or the assembly carries no lock data.</exception>
    public static async Task<string> ComputeAsync(string project, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "build", project, "-nologo", "-p:FlyteSharpCacheLock=true", "-getProperty:TargetPath", "-t:Build" })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new CacheLockException("could not start 'dotnet'");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        var printed = (await output.ConfigureAwait(false)).Trim();
        if (process.ExitCode != 0)
        {
            throw new CacheLockException($"building '{project}' failed (exit code {process.ExitCode}):\n{printed}\n{await error.ConfigureAwait(false)}".TrimEnd());
        }

        // With one -getProperty, the build prints only the value: the path of the built assembly.
        var assembly = printed.Split('\n').Select(line => line.Trim()).LastOrDefault(line => line.Length > 0) ?? string.Empty;
        if (!File.Exists(assembly))
        {
            throw new CacheLockException($"the build of '{project}' did not report its assembly (TargetPath '{assembly}')");
        }

        return ReadFromAssembly(assembly)
            ?? throw new CacheLockException(
                $"'{assembly}' carries no FlyteSharp cache lock data: the project must use the FlyteSharp package (its build props pass "
                + "FlyteSharpCacheLock to the generator), or, with a ProjectReference to the generator, add "
                + "<CompilerVisibleProperty Include=\"FlyteSharpCacheLock\" /> to the project");
    }

    /// <summary>The lock text an assembly built with <c>FlyteSharpCacheLock=true</c> carries, or null.</summary>
    public static string? ReadFromAssembly(string assemblyPath)
    {
        using var stream = File.OpenRead(assemblyPath);
        using var pe = new PEReader(stream);
        var metadata = pe.GetMetadataReader();
        foreach (var handle in metadata.GetAssemblyDefinition().GetCustomAttributes())
        {
            var attribute = metadata.GetCustomAttribute(handle);
            if (attribute.Constructor.Kind != HandleKind.MemberReference)
            {
                continue;
            }

            var constructor = metadata.GetMemberReference((MemberReferenceHandle)attribute.Constructor);
            if (constructor.Parent.Kind != HandleKind.TypeReference
                || metadata.GetString(metadata.GetTypeReference((TypeReferenceHandle)constructor.Parent).Name) != "AssemblyMetadataAttribute")
            {
                continue;
            }

            // The blob: prolog 0x0001, then the two constructor strings (key, value).
            var blob = metadata.GetBlobReader(attribute.Value);
            if (blob.ReadUInt16() == 1 && blob.ReadSerializedString() == MetadataKey)
            {
                return blob.ReadSerializedString();
            }
        }

        return null;
    }
}

/// <summary>A cache lock cannot be computed; the message says why and what to do.</summary>
internal sealed class CacheLockException(string message) : Exception(message);
