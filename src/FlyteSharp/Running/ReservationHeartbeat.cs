using Datacatalog;
using FlyteSharp.Catalog;

namespace FlyteSharp.Running;

/// <summary>Extends a held reservation at the heartbeat pace until disposed, so a long task keeps its spot.</summary>
internal sealed class ReservationHeartbeat : IDisposable
{
    private readonly CancellationTokenSource stop;
    private readonly Task loop;

    public ReservationHeartbeat(IDataCatalog catalog, GetOrExtendReservationRequest request, TimeSpan interval, TimeProvider time, CancellationToken cancellationToken)
    {
        stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        loop = RunAsync(catalog, request, interval, time, stop.Token);
    }

    private static async Task RunAsync(IDataCatalog catalog, GetOrExtendReservationRequest request, TimeSpan interval, TimeProvider time, CancellationToken token)
    {
        using var timer = new PeriodicTimer(interval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(token).ConfigureAwait(false))
            {
                try
                {
                    await catalog.GetOrExtendReservationAsync(request, token).ConfigureAwait(false);
                }
                catch (CatalogException)
                {
                    // A missed heartbeat only risks a second executor; the next tick tries again.
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    public void Dispose()
    {
        stop.Cancel();
        stop.Dispose();
        _ = loop;
    }
}
