using System.Diagnostics;
using System.Globalization;

namespace FlyteSharp.Integration.Tests.Interop;

/// <summary>What a finished child process said.</summary>
internal sealed record ProcessOutcome(int ExitCode, string StandardOutput, string StandardError);

/// <summary>Runs a child process to its end within a time limit; past the limit it kills the whole process tree.</summary>
internal static class BoundedProcess
{
    /// <exception cref="System.ComponentModel.Win32Exception">The program is not installed or not on PATH.</exception>
    /// <exception cref="TimeoutException">The process ran past <paramref name="timeout"/> and was killed.</exception>
    public static async Task<ProcessOutcome> RunAsync(
        ProcessStartInfo start, string standardInput, TimeSpan timeout, CancellationToken cancellationToken)
    {
        start.UseShellExecute = false;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.RedirectStandardInput = true;
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"'{start.FileName}' did not start.");
        // Both pipes are drained from the start so a chatty process never blocks on a full pipe.
        var output = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var error = process.StandardError.ReadToEndAsync(CancellationToken.None);

        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        try
        {
            try
            {
                await process.StandardInput.WriteAsync(standardInput.AsMemory(), limit.Token);
                process.StandardInput.Close();
            }
            catch (IOException)
            {
                // It exited without reading its input; its exit code and stderr tell why.
            }

            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            cancellationToken.ThrowIfCancellationRequested();
            var stderr = await error;
            throw new TimeoutException(string.Create(
                CultureInfo.InvariantCulture,
                $"'{Describe(start)}' ran longer than {timeout.TotalSeconds:0} s and was killed. stderr: {stderr}"));
        }

        return new ProcessOutcome(process.ExitCode, await output, await error);
    }

    public static string Describe(ProcessStartInfo start) => string.Join(' ', [start.FileName, .. start.ArgumentList]);
}
