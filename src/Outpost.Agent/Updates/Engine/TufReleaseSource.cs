using Outpost.Agent.Updates.Releases;
using Outpost.Agent.Updates.Tuf;
using Outpost.Protocol.Devices;

namespace Outpost.Agent.Updates.Engine;

/// <summary>Releases from the server's TUF repository, verified and staged by <see cref="ReleaseStager"/>.</summary>
internal sealed class TufReleaseSource(Func<CancellationToken, Task<TufUpdater>> updaterFactory, ReleaseStager stager) : IReleaseSource
{
    public async Task<long> RefreshAsync(CancellationToken cancellationToken)
    {
        var updater = await updaterFactory(cancellationToken);
        var set = await updater.RefreshAsync(cancellationToken);
        return set.Targets?.Signed.Version ?? 0;
    }

    public async Task StageAsync(string releaseId, Action<UpdateState, int?> progress, CancellationToken cancellationToken)
    {
        var updater = await updaterFactory(cancellationToken);
        await stager.StageAsync(updater, releaseId, progress, cancellationToken);
    }
}
