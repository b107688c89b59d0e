using System.Threading.Channels;

namespace Outpost.Server.Alerts;

/// <summary>The evaluator's "something fired or resolved" nudge to delivery, so a change is sent now, not at the next resend.</summary>
internal sealed class AlertDeliverySignal
{
    private readonly Channel<bool> channel = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Notify() => channel.Writer.TryWrite(true);

    /// <summary>Completes when notified (true) or when <paramref name="cancellationToken"/> fires (false).</summary>
    public async Task<bool> WaitAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await channel.Reader.ReadAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
