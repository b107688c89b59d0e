using Outpost.Protocol.Devices;

namespace Outpost.Agent.Updates.Engine;

/// <summary>
/// The update engine's durable truth (<c>update/journal.json</c>), replaced atomically after every step. What the
/// device runs is <see cref="Current"/>; <c>current</c> on disk is repaired to it on start (docs/designs/update-engine.md).
/// </summary>
internal sealed record UpdateJournal
{
    public const int MaxHistory = 64;

    public static UpdateJournal Empty { get; } = new();

    /// <summary>The committed release the device runs, or null before the first install.</summary>
    public string? Current { get; init; }

    /// <summary>The kept N-1 release: the rollback target, never garbage-collected.</summary>
    public string? Previous { get; init; }

    /// <summary>The last desired release the server sent, so the engine keeps going without the server.</summary>
    public string? Desired { get; init; }

    public InFlightUpdate? Operation { get; init; }

    public IReadOnlyList<FailedRelease> Failed { get; init; } = [];

    /// <summary>A committed release whose new agent binary still has to take over.</summary>
    public string? PendingHandOver { get; init; }

    /// <summary>sha256 of each kept release's release.json when it was installed: a rollback target is checked against it.</summary>
    public IReadOnlyDictionary<string, string> Manifests { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>The last final report (committed, rolled back, refused, failed), reported again after a restart.</summary>
    public UpdateReport? LastReport { get; init; }

    public IReadOnlyList<JournalEntry> History { get; init; } = [];

    public FailedRelease? FailureOf(string release) => Failed.FirstOrDefault(f => f.Release == release);

    public UpdateJournal WithHistory(JournalEntry entry) => this with
    {
        History = History.Count < MaxHistory ? [.. History, entry] : [.. History.Skip(History.Count - MaxHistory + 1), entry],
    };
}
