using System.Diagnostics;
using System.Globalization;

namespace FlyteSharp.Integration.Tests.Interop;

/// <summary>The interop tests' child processes end on their own or are killed at their time limit.</summary>
public sealed class BoundedProcessTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("flytesharp-bounded-");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _directory.Delete(recursive: true);

    [Fact]
    public async Task A_process_past_its_time_limit_is_killed_and_reported()
    {
        await NodeInteropProject.EnsureInstalledAsync(Ct);
        var pidFile = Path.Combine(_directory.FullName, "pid");
        var start = new ProcessStartInfo("node")
        {
            ArgumentList = { "-e", "require('fs').writeFileSync(process.argv[1], String(process.pid)); setInterval(() => {}, 1000);", pidFile },
        };
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<TimeoutException>(() => BoundedProcess.RunAsync(start, string.Empty, TimeSpan.FromSeconds(5), Ct));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"took {clock.Elapsed}");
        Assert.Contains("was killed", error.Message, StringComparison.Ordinal);
        var pid = int.Parse(await File.ReadAllTextAsync(pidFile, Ct), CultureInfo.InvariantCulture);
        Assert.False(IsRunning(pid), $"process {pid} still runs");
    }

    [Fact]
    public async Task A_process_gets_its_input_and_its_output_and_exit_code_come_back()
    {
        await NodeInteropProject.EnsureInstalledAsync(Ct);
        var start = new ProcessStartInfo("node")
        {
            ArgumentList = { "-e", "const s = require('fs').readFileSync(0, 'utf8'); process.stdout.write(s.toUpperCase()); process.stderr.write('e'); process.exit(3);" },
        };

        var outcome = await BoundedProcess.RunAsync(start, "hello", TimeSpan.FromSeconds(30), Ct);

        Assert.Equal(new ProcessOutcome(3, "HELLO", "e"), outcome);
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
