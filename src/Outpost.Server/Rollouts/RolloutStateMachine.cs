using System.Globalization;
using Microsoft.Extensions.Options;
using Outpost.Protocol.Rollouts;
using Outpost.Server.Devices;

namespace Outpost.Server.Rollouts;

/// <summary>
/// One step of a rollout (docs/rollouts.md, "States"): observe the devices, then at most one state transition, each with its
/// decision. Pure over the tick apart from reading metrics, so the engine can persist the outcome in one transaction.
/// </summary>
internal sealed class RolloutStateMachine(GateEvaluator gates, IOptions<DevicesOptions> devicesOptions)
{
    public async Task StepAsync(RolloutTick tick, CancellationToken cancellationToken)
    {
        Observe(tick);
        switch (tick.Rollout.State)
        {
            case RolloutState.Pending:
                StartPhase(tick, 0);
                break;
            case RolloutState.Running:
                Run(tick);
                break;
            case RolloutState.Baking:
                await BakeAsync(tick, cancellationToken);
                break;
            case RolloutState.Promoted:
                Promote(tick);
                break;
            case RolloutState.Halted when tick.Rollout.Spec.OnFailure == FailurePolicy.Rollback:
                StartRollback(tick);
                break;
            case RolloutState.RollingBack:
                FinishRollback(tick);
                break;
            default:
                // Paused, or Halted with onFailure: pause: only an operator moves it on.
                break;
        }
    }

    private static TimeSpan DeviceTimeout(RolloutTick tick) => RolloutDuration.Parse(tick.Rollout.Spec.DeviceTimeout);

    /// <summary>Not heard from for the device timeout since <paramref name="since"/> (assignment or rollback start).</summary>
    private static bool Silent(RolloutTick tick, string deviceId, DateTimeOffset? since)
    {
        var from = since ?? tick.Now;
        if (tick.Devices.GetValueOrDefault(deviceId)?.LastSeenAt is { } seen && seen > from)
        {
            from = seen;
        }

        return tick.Now - from >= DeviceTimeout(tick);
    }

    private static void Observe(RolloutTick tick)
    {
        var release = tick.Rollout.Spec.Release;
        var timedOut = new List<string>();
        foreach (var member in tick.Members.Values.ToList())
        {
            var device = tick.Devices.GetValueOrDefault(member.DeviceId);
            switch (member.State)
            {
                case RolloutDeviceState.Assigned or RolloutDeviceState.TimedOut:
                    if (device is not null && DeviceObservation.FailureFor(device, release) is { } cause)
                    {
                        tick.Set(member with { State = RolloutDeviceState.Failed, Cause = cause, FinishedAt = tick.Now });
                    }
                    else if (device is not null && DeviceObservation.IsUpdated(device, release))
                    {
                        tick.Set(member with { State = RolloutDeviceState.Updated, FinishedAt = tick.Now });
                    }
                    else if (member.State == RolloutDeviceState.Assigned && Silent(tick, member.DeviceId, member.AssignedAt))
                    {
                        var next = tick.Rollout.Spec.Offline == OfflinePolicy.Wait ? RolloutDeviceState.TimedOut : RolloutDeviceState.Excluded;
                        tick.Set(member with { State = next, FinishedAt = tick.Now });
                        timedOut.Add(member.DeviceId);
                    }

                    break;
                case RolloutDeviceState.Reverting
                    when member.PreviousRelease is null || device?.CurrentRelease == member.PreviousRelease:
                    tick.Set(member with { State = RolloutDeviceState.Reverted, FinishedAt = tick.Now });
                    break;
            }
        }

        if (timedOut.Count > 0)
        {
            var what = tick.Rollout.Spec.Offline == OfflinePolicy.Wait
                ? "they neither block nor count as failures and update when they return"
                : "excluded: their desired release goes back to what they run";
            tick.Decide(
                "devicesTimedOut",
                $"{timedOut.Count} device(s) not heard from for {tick.Rollout.Spec.DeviceTimeout}: {what}",
                new RolloutEvidence { Phase = tick.Rollout.Phase, DeviceIds = timedOut });
        }
    }

    private static void StartPhase(RolloutTick tick, int phase)
    {
        var plan = tick.Plan;
        tick.Move(r => r with { State = RolloutState.Running, Phase = phase, PhaseStartedAt = tick.Now, BakeStartedAt = null });
        tick.Decide(
            "phaseStarted",
            $"phase {phase + 1}/{plan.Count}: {plan[phase].Planned} of {tick.Rollout.TargetCount} devices in all",
            new RolloutEvidence { Phase = phase });
    }

    private void Run(RolloutTick tick)
    {
        var phase = tick.Rollout.Phase;
        var planned = tick.Plan[phase].Planned;
        Assign(tick, phase, planned);

        var allAssigned = tick.Members.Values.Count(m => m.Phase is not null) >= planned || tick.Count(RolloutDeviceState.Waiting) == 0;
        var finished = allAssigned && tick.Count(RolloutDeviceState.Assigned) == 0;
        if (JudgeFailures(tick, finished) || !finished)
        {
            return;
        }

        tick.Move(r => r with { State = RolloutState.Baking, BakeStartedAt = tick.Now });
        tick.Decide(
            "baking",
            $"phase {phase + 1} deployed ({tick.Count(RolloutDeviceState.Updated)} updated, {tick.Count(RolloutDeviceState.Failed)} failed, " +
            $"{tick.Count(RolloutDeviceState.TimedOut) + tick.Count(RolloutDeviceState.Excluded)} timed out); baking for {Describe(tick.Plan[phase].Bake)}",
            new RolloutEvidence { Phase = phase });
    }

    private void Assign(RolloutTick tick, int phase, int planned)
    {
        var need = planned - tick.Members.Values.Count(m => m.Phase is not null);
        if (need <= 0)
        {
            return;
        }

        var limit = tick.Rollout.Spec.MaxConcurrentPerSite;
        var inFlight = tick.Members.Values.Where(m => m.State == RolloutDeviceState.Assigned)
            .GroupBy(m => m.Site, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var onlineSince = DeviceStatusRules.OnlineSince(tick.Now, devicesOptions.Value);
        var picked = new List<string>();
        foreach (var member in CanarySelector.Order(
            tick.Rollout.Id, tick.Members.Values.Where(m => m.State == RolloutDeviceState.Waiting), tick.Devices, onlineSince,
            tick.Rollout.Spec.SpreadAcrossSites))
        {
            if (picked.Count == need)
            {
                break;
            }

            var busy = inFlight.GetValueOrDefault(member.Site);
            if (limit is { } max && busy >= max)
            {
                continue;
            }

            inFlight[member.Site] = busy + 1;
            picked.Add(member.DeviceId);
            tick.Set(member with
            {
                Phase = phase, State = RolloutDeviceState.Assigned, AssignedAt = tick.Now,
                PreviousRelease = tick.Devices.GetValueOrDefault(member.DeviceId)?.CurrentRelease,
            });
        }

        if (picked.Count > 0)
        {
            var assigned = tick.Members.Values.Count(m => m.Phase is not null);
            tick.Decide(
                "devicesAssigned",
                $"phase {phase + 1}: {picked.Count} device(s) set to {tick.Rollout.Spec.Release} ({assigned}/{planned} of the phase assigned)",
                new RolloutEvidence { Phase = phase, DeviceIds = picked });
        }
    }

    /// <summary>Shows the failure-ratio gate and halts when it failed; true when halted.</summary>
    private static bool JudgeFailures(RolloutTick tick, bool phaseFinished)
    {
        var result = GateEvaluator.FailureRatio(tick.Rollout.Spec, tick.Members.Values, phaseFinished, tick.Now);
        tick.Show(result.View);
        if (result.Failed)
        {
            Halt(tick, result);
        }

        return result.Failed;
    }

    private async Task BakeAsync(RolloutTick tick, CancellationToken cancellationToken)
    {
        if (JudgeFailures(tick, phaseFinished: true))
        {
            return;
        }

        var phase = tick.Rollout.Phase;
        var bakeStarted = tick.Rollout.BakeStartedAt ?? tick.Now;
        var bake = tick.Plan[phase].Bake;
        if (tick.Now - bakeStarted < bake)
        {
            return;
        }

        var results = await gates.MetricsAsync(tick.Rollout.Spec, tick.Members.Values, bakeStarted, tick.Now, cancellationToken);
        foreach (var result in results)
        {
            tick.Show(result.View);
        }

        if (results.FirstOrDefault(r => r.Failed) is { } failed)
        {
            Halt(tick, failed);
            return;
        }

        tick.Move(r => r with { State = RolloutState.Promoted });
        tick.Decide(
            "promoted",
            $"phase {phase + 1} passed its gates after baking {Describe(bake)}: {Summary(tick.Rollout.Gates)}",
            new RolloutEvidence { Phase = phase });
    }

    private static void Promote(RolloutTick tick)
    {
        var phase = tick.Rollout.Phase;
        if (phase + 1 < tick.Plan.Count)
        {
            StartPhase(tick, phase + 1);
            return;
        }

        tick.Move(r => r with { State = RolloutState.Completed, Reason = null });
        tick.Decide(
            "completed",
            $"all {tick.Plan.Count} phases done: {tick.Count(RolloutDeviceState.Updated)} updated, {tick.Count(RolloutDeviceState.Failed)} failed, " +
            $"{tick.Count(RolloutDeviceState.TimedOut)} timed out (will update when back), {tick.Count(RolloutDeviceState.Excluded)} excluded");
    }

    private static void Halt(RolloutTick tick, GateResult result)
    {
        var view = result.View;
        var value = view.Value is { } v ? v.ToString("0.####", CultureInfo.InvariantCulture) : "n/a";
        var control = view.Control is { } c ? $" (control cohort {c.ToString("0.####", CultureInfo.InvariantCulture)})" : "";
        var reason = $"gate {view.Gate} failed in phase {tick.Rollout.Phase + 1}: {value}{control} against {view.Threshold}, over {view.Sample} device(s)";
        tick.Move(r => r with { State = RolloutState.Halted, HaltedAt = tick.Now, Reason = reason });
        tick.Decide("halted", reason, result.Evidence with { Phase = tick.Rollout.Phase });
    }

    private static void StartRollback(RolloutTick tick)
    {
        var touched = tick.Members.Values
            .Where(m => m.Phase is not null && m.State is not (RolloutDeviceState.Reverting or RolloutDeviceState.Reverted)).ToList();
        foreach (var member in touched)
        {
            tick.Set(member with { State = RolloutDeviceState.Reverting });
        }

        tick.Move(r => r with { State = RolloutState.RollingBack, PhaseStartedAt = tick.Now });
        tick.Decide(
            "rollingBack",
            $"onFailure rollback: {touched.Count} device(s) the rollout touched go back to the release they ran before (kept N-1, no download)",
            new RolloutEvidence { Phase = tick.Rollout.Phase, DeviceIds = [.. touched.Select(m => m.DeviceId)] });
    }

    private static void FinishRollback(RolloutTick tick)
    {
        var reverting = tick.Members.Values.Where(m => m.State == RolloutDeviceState.Reverting).ToList();
        var silent = reverting.Where(m => Silent(tick, m.DeviceId, tick.Rollout.PhaseStartedAt)).Select(m => m.DeviceId).ToList();
        if (silent.Count < reverting.Count)
        {
            return;
        }

        tick.Move(r => r with { State = RolloutState.RolledBack });
        tick.Decide(
            "rolledBack",
            $"{tick.Count(RolloutDeviceState.Reverted)} device(s) back on their previous release; {silent.Count} not heard from within " +
            $"{tick.Rollout.Spec.DeviceTimeout} keep that desired release and revert when they return",
            new RolloutEvidence { DeviceIds = silent });
    }

    private static string Summary(IEnumerable<Protocol.Rollouts.RolloutGateView> gates) =>
        string.Join("; ", gates.Select(g =>
            $"{g.Gate} {(g.Value is { } v ? v.ToString("0.####", CultureInfo.InvariantCulture) : "no data")}" +
            $"{(g.Control is { } c ? $" (control {c.ToString("0.####", CultureInfo.InvariantCulture)})" : "")} {g.Threshold}"));

    private static string Describe(TimeSpan span) => span == TimeSpan.Zero ? "0s" : span.ToString("c", CultureInfo.InvariantCulture);
}
