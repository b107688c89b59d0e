using Outpost.Protocol.Rollouts;
using Outpost.Server.Storage;

namespace Outpost.Server.Rollouts;

/// <summary>One step's working copy of a rollout: what it read, what it changed, what it decided. Saved in one transaction.</summary>
internal sealed class RolloutTick
{
    private readonly HashSet<string> changed = new(StringComparer.Ordinal);
    private readonly RolloutRecord original;

    public RolloutTick(
        RolloutRecord rollout, IReadOnlyList<RolloutMember> members, IReadOnlyDictionary<string, DeviceRolloutState> devices, DateTimeOffset now)
    {
        original = rollout;
        Rollout = rollout;
        Members = members.ToDictionary(m => m.DeviceId, StringComparer.Ordinal);
        Devices = devices;
        Now = now;
    }

    public RolloutRecord Rollout { get; set; }

    public Dictionary<string, RolloutMember> Members { get; }

    public IReadOnlyDictionary<string, DeviceRolloutState> Devices { get; }

    public DateTimeOffset Now { get; }

    public List<RolloutDecision> Decisions { get; } = [];

    public IReadOnlyCollection<RolloutMember> ChangedMembers => [.. changed.Select(id => Members[id])];

    public bool StateChanged => Rollout.State != original.State || Rollout.Phase != original.Phase;

    public bool HasChanges => changed.Count > 0 || Decisions.Count > 0 || !ReferenceEquals(Rollout, original);

    public IReadOnlyList<PhasePlan> Plan => field ??= PhasePlan.For(Rollout.Spec, Rollout.TargetCount);

    public void Set(RolloutMember member)
    {
        Members[member.DeviceId] = member;
        changed.Add(member.DeviceId);
    }

    public void Decide(string action, string reason, RolloutEvidence? evidence = null) =>
        Decisions.Add(new RolloutDecision(action, reason, null, evidence));

    /// <summary>Replaces the gate's view; only a different value counts as a change (the time alone does not).</summary>
    public void Show(RolloutGateView gate)
    {
        var old = Rollout.Gates.FirstOrDefault(g => g.Gate == gate.Gate);
        if (old is not null && old with { At = null } == gate with { At = null })
        {
            return;
        }

        Rollout = Rollout with
        {
            Gates = old is null ? [.. Rollout.Gates, gate] : [.. Rollout.Gates.Select(g => g.Gate == gate.Gate ? gate : g)],
            UpdatedAt = Now,
        };
    }

    public void Move(Func<RolloutRecord, RolloutRecord> change) => Rollout = change(Rollout) with { UpdatedAt = Now };

    public int Count(RolloutDeviceState state) => Members.Values.Count(m => m.State == state);
}
