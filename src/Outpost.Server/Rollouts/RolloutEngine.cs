using Outpost.Protocol.Rollouts;
using Outpost.Server.Devices;
using Outpost.Server.Storage;

namespace Outpost.Server.Rollouts;

/// <summary>
/// Advances every active rollout from its stored state. Each step's outcome (rollout, devices, decisions) is one transaction
/// guarded by the rollout's version; desired releases are then reconciled from it, so a crash between the two is repaired by
/// the next tick and a restart simply resumes. Tests call <see cref="TickAsync"/> directly on fake time.
/// </summary>
internal sealed class RolloutEngine(
    IRolloutStore store, IDeviceStore devices, RolloutStateMachine machine, TimeProvider time, ILogger<RolloutEngine> logger,
    CheckInWriteBehind? checkIns = null, StoreDatabase? database = null)
{
    // Pending → Running, Baking → Promoted → Running, Halted → RollingBack: a few transitions may follow each other in one tick.
    private const int MaxStepsPerTick = 6;

    /// <summary>Advances every active rollout; with PostgreSQL only while holding the engine lock, so one replica ticks at a time.</summary>
    public async Task TickAsync(CancellationToken cancellationToken)
    {
        if (database?.Dialect.EngineLockSql is not { } lockSql)
        {
            await TickUnlockedAsync(cancellationToken);
            return;
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        await using (var take = connection.Sql(lockSql))
        {
            if (await take.ExecuteScalarAsync(cancellationToken) is not true)
            {
                return;
            }
        }

        try
        {
            await TickUnlockedAsync(cancellationToken);
        }
        finally
        {
            await using var release = connection.Sql(database.Dialect.EngineUnlockSql!);
            await release.ExecuteScalarAsync(CancellationToken.None);
        }
    }

    private async Task TickUnlockedAsync(CancellationToken cancellationToken)
    {
        if (checkIns is not null)
        {
            // Judge on the freshest check-ins, not on what the write-behind buffer still holds.
            await checkIns.FlushAsync(cancellationToken);
        }

        foreach (var rollout in await store.ListAsync(activeOnly: true, cancellationToken))
        {
            try
            {
                await AdvanceAsync(rollout.Id, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                Log.AdvanceFailed(logger, ex, rollout.Id);
            }
        }
    }

    public async Task AdvanceAsync(string id, CancellationToken cancellationToken)
    {
        for (var step = 0; step < MaxStepsPerTick; step++)
        {
            var rollout = await store.GetAsync(id, cancellationToken);
            if (rollout is null || !rollout.IsActive)
            {
                return;
            }

            var members = await store.GetMembersAsync(id, cancellationToken);
            var states = await devices.GetRolloutStatesAsync([.. members.Select(m => m.DeviceId)], cancellationToken);
            var tick = new RolloutTick(rollout, members, states, time.GetUtcNow());
            await machine.StepAsync(tick, cancellationToken);
            if (tick.HasChanges)
            {
                if (!await store.SaveAsync(tick.Rollout with { UpdatedAt = tick.Now }, rollout.Version, tick.ChangedMembers, tick.Decisions, cancellationToken))
                {
                    Log.ConcurrentChange(logger, id);
                    return;
                }

                foreach (var decision in tick.Decisions)
                {
                    Log.Decision(logger, id, decision.Action, decision.Reason);
                }
            }

            await ReconcileDesiredAsync(tick, cancellationToken);
            if (!tick.StateChanged)
            {
                return;
            }
        }
    }

    /// <summary>Sets each touched device's desired release to what its rollout state says, in one statement per release.</summary>
    private async Task ReconcileDesiredAsync(RolloutTick tick, CancellationToken cancellationToken)
    {
        if (!tick.Rollout.IsActive && tick.Rollout.State != RolloutState.RolledBack)
        {
            return;
        }

        var release = tick.Rollout.Spec.Release;
        var wrong = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var toNone = new List<string>();
        foreach (var member in tick.Members.Values)
        {
            var expected = member.State switch
            {
                RolloutDeviceState.Waiting => null,
                RolloutDeviceState.Excluded or RolloutDeviceState.Reverting or RolloutDeviceState.Reverted => member.PreviousRelease ?? string.Empty,
                _ => release,
            };
            if (expected is null || tick.Devices.GetValueOrDefault(member.DeviceId) is not { } device
                || (device.DesiredRelease ?? string.Empty) == expected)
            {
                continue;
            }

            if (expected.Length == 0)
            {
                toNone.Add(member.DeviceId);
            }
            else
            {
                (wrong.TryGetValue(expected, out var list) ? list : wrong[expected] = []).Add(member.DeviceId);
            }
        }

        foreach (var (target, ids) in wrong)
        {
            await devices.SetDesiredReleasesAsync(ids, target, cancellationToken);
            Log.DesiredSet(logger, tick.Rollout.Id, ids.Count, target);
        }

        if (toNone.Count > 0)
        {
            // No release before the rollout: nothing to go back to; clearing stops the device from retrying this one.
            await devices.SetDesiredReleasesAsync(toNone, null, cancellationToken);
            Log.DesiredSet(logger, tick.Rollout.Id, toNone.Count, "(none)");
        }
    }
}
