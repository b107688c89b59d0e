using Outpost.Protocol.Devices;

namespace Outpost.Agent.Updates.Engine;

/// <summary>Where releases come from: the TUF repository of the server (<see cref="TufReleaseSource"/>), or a fake in tests.</summary>
internal interface IReleaseSource
{
    /// <summary>Refreshes the trusted metadata and returns the verified targets version.</summary>
    Task<long> RefreshAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Downloads, verifies and stages the release into <c>staging/X</c>; reports progress on the way. Throws
    /// ReleaseRefusedException (or TufException) when verification says no.
    /// </summary>
    Task StageAsync(string releaseId, Action<UpdateState, int?> progress, CancellationToken cancellationToken);
}
