using System.Runtime.InteropServices;

namespace FlyteSharp.Cli.Catalog;

/// <summary>
/// Turns the first Ctrl+C (SIGINT) or SIGTERM into a cancellation, so a long-running command can stop cleanly; a
/// second one terminates the process as usual, in case stopping hangs.
/// </summary>
internal sealed class TerminationSignals : IDisposable
{
    private readonly CancellationTokenSource _stop;
    private readonly PosixSignalRegistration[] _registrations;

    private TerminationSignals(CancellationTokenSource stop)
    {
        _stop = stop;
        _registrations =
        [
            PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal),
            PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal),
        ];
    }

    /// <summary>Cancels <paramref name="stop"/> on the first signal until disposed.</summary>
    public static TerminationSignals Register(CancellationTokenSource stop) => new(stop);

    public void Dispose()
    {
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }
    }

    private void OnSignal(PosixSignalContext context)
    {
        if (_stop.IsCancellationRequested)
        {
            return;
        }

        context.Cancel = true;
        _stop.Cancel();
    }
}
