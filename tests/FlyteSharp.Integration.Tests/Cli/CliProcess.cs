using System.Diagnostics;

namespace FlyteSharp.Integration.Tests.Cli;

/// <summary>The built <c>flytesharp</c> CLI (copied next to the tests by the project reference), started as a real process.</summary>
internal static class CliProcess
{
    public static ProcessStartInfo StartInfo(params string[] args)
    {
        var apphost = Path.Combine(AppContext.BaseDirectory, OperatingSystem.IsWindows() ? "FlyteSharp.Cli.exe" : "FlyteSharp.Cli");
        var start = File.Exists(apphost)
            ? new ProcessStartInfo(apphost)
            : new ProcessStartInfo("dotnet") { ArgumentList = { "exec", Path.Combine(AppContext.BaseDirectory, "FlyteSharp.Cli.dll") } };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.UseShellExecute = false;
        return start;
    }

    /// <summary>Sends SIGTERM, as a service manager or <c>docker stop</c> would; Windows has no SIGTERM, so there it kills.</summary>
    public static async Task TerminateAsync(Process process, CancellationToken cancellationToken)
    {
        if (OperatingSystem.IsWindows())
        {
            process.Kill(entireProcessTree: true);
            return;
        }

        using var kill = Process.Start(new ProcessStartInfo("kill") { ArgumentList = { "-s", "TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) }, UseShellExecute = false })
            ?? throw new InvalidOperationException("kill did not start");
        await kill.WaitForExitAsync(cancellationToken);
        Assert.Equal(0, kill.ExitCode);
    }
}
