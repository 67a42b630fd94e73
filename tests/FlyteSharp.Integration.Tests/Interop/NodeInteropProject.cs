using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;

namespace FlyteSharp.Integration.Tests.Interop;

/// <summary>
/// The Node project under <c>tests/FlyteSharp.Integration.Tests/interop</c> and the Flyte IDL it loads. Its npm
/// dependencies are installed with <c>npm ci</c> from the committed lock file, at most once per test run.
/// </summary>
internal static class NodeInteropProject
{
    private const int MinimumNodeMajorVersion = 18;
    private static readonly TimeSpan NpmInstallTimeout = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan VersionCheckTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan LockWaitTimeout = TimeSpan.FromMinutes(6);

    // One install for every test of the run, whichever asks first; a failure fails them all with the same message.
    private static readonly Lazy<Task> Installation = new(() => InstallAsync(CancellationToken.None));

    private static readonly string RepositoryRoot = typeof(NodeInteropProject).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(attribute => attribute.Key == "FlyteSharpRoot")
        .Value ?? throw new InvalidOperationException("The test assembly does not record the repository root (FlyteSharpRoot).");

    public static string Directory { get; } = Path.Combine(RepositoryRoot, "tests", "FlyteSharp.Integration.Tests", "node-client");

    public static string ClientScript { get; } = Path.Combine(Directory, "datacatalog-client.mjs");

    /// <summary>The official IDL's protos folder, restored into protos/node_modules by the build (protos/FlyteIdl.targets).</summary>
    public static string FlyteIdlProtos { get; } = Path.Combine(RepositoryRoot, "protos", "node_modules", "@flyteorg", "flyteidl", "protos");

    private static string NodeModulesManifest => Path.Combine(Directory, "node_modules", ".package-lock.json");

    private static string LockFile => Path.Combine(Directory, "package-lock.json");

    /// <summary>Checks that Node.js and npm are there and installs the client's dependencies when they are missing or stale.</summary>
    public static Task EnsureInstalledAsync(CancellationToken cancellationToken) =>
        Installation.Value.WaitAsync(cancellationToken);

    private static async Task InstallAsync(CancellationToken cancellationToken)
    {
        await CheckNodeAsync(cancellationToken);
        if (!File.Exists(Path.Combine(FlyteIdlProtos, "flyteidl", "datacatalog", "datacatalog.proto")))
        {
            throw new InvalidOperationException(
                $"The Flyte IDL is missing under {FlyteIdlProtos}; building src/FlyteSharp restores it (or run 'npm ci' in protos/).");
        }

        if (IsInstalled())
        {
            return;
        }

        // Another test process (another target framework, a second runner) may be installing into the same folder.
        await using var _ = await LockAcrossProcessesAsync(cancellationToken);
        if (IsInstalled())
        {
            return;
        }

        var start = new ProcessStartInfo(NpmProgram) { WorkingDirectory = Directory };
        foreach (var argument in (string[])["ci", "--ignore-scripts", "--no-audit", "--no-fund"])
        {
            start.ArgumentList.Add(argument);
        }

        var outcome = await BoundedProcess.RunAsync(start, string.Empty, NpmInstallTimeout, cancellationToken);
        if (outcome.ExitCode != 0 || !IsInstalled())
        {
            throw new InvalidOperationException(
                $"'npm ci' in {Directory} failed (exit code {outcome.ExitCode}); the interop client's dependencies are not installed.\n" +
                outcome.StandardError);
        }
    }

    // npm writes node_modules/.package-lock.json last; one older than the lock file means the pins changed since.
    private static bool IsInstalled() =>
        File.Exists(NodeModulesManifest) && File.GetLastWriteTimeUtc(NodeModulesManifest) >= File.GetLastWriteTimeUtc(LockFile);

    private static string NpmProgram => OperatingSystem.IsWindows() ? "npm.cmd" : "npm";

    private static async Task CheckNodeAsync(CancellationToken cancellationToken)
    {
        var node = await VersionOfAsync("node", cancellationToken);
        await VersionOfAsync(NpmProgram, cancellationToken);
        var major = node.TrimStart('v').Split('.')[0];
        if (!int.TryParse(major, NumberStyles.None, CultureInfo.InvariantCulture, out var version) || version < MinimumNodeMajorVersion)
        {
            throw new InvalidOperationException(
                $"The interop tests need Node.js {MinimumNodeMajorVersion} or newer; 'node --version' says '{node}'.");
        }
    }

    private static async Task<string> VersionOfAsync(string program, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(program) { ArgumentList = { "--version" } };
        ProcessOutcome outcome;
        try
        {
            outcome = await BoundedProcess.RunAsync(start, string.Empty, VersionCheckTimeout, cancellationToken);
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException(
                $"The interop tests run a DataCatalog client on Node.js, but '{program}' could not be started ({e.Message}). " +
                $"Install Node.js {MinimumNodeMajorVersion}+ with npm and put both on PATH.",
                e);
        }

        if (outcome.ExitCode != 0)
        {
            throw new InvalidOperationException($"'{program} --version' failed (exit code {outcome.ExitCode}): {outcome.StandardError}");
        }

        return outcome.StandardOutput.Trim();
    }

    private static async Task<FileStream> LockAcrossProcessesAsync(CancellationToken cancellationToken)
    {
        // Outside the source tree so the lock never shows up in git; named after the folder it guards.
        var name = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Directory)))[..16];
        var path = Path.Combine(Path.GetTempPath(), $"flytesharp-interop-npm-{name}.lock");
        var waited = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (waited.Elapsed < LockWaitTimeout)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken);
            }
        }
    }
}
