using Outpost.Protocol.Devices;

namespace Outpost.Agent.Updates.Engine;

/// <summary>
/// The engine's shared state: the journal (every change saved before it is visible), the desired release and the latest
/// report. Written by the runner and by check-ins (desired release), so every access holds one lock.
/// </summary>
internal sealed class EngineState(JournalStore store, TimeProvider time)
{
    private readonly Lock _gate = new();
    private UpdateJournal _journal = UpdateJournal.Empty;
    private UpdateReport? _latest;
    private string? _desired;

    public UpdateJournal Journal
    {
        get
        {
            lock (_gate)
            {
                return _journal;
            }
        }
    }

    public string? Desired
    {
        get
        {
            lock (_gate)
            {
                return _desired;
            }
        }
    }

    public UpdateStatus Status
    {
        get
        {
            lock (_gate)
            {
                var report = _desired is null ? null : _latest ?? _journal.LastReport;
                return new UpdateStatus(report, _journal.Current, _journal.Previous);
            }
        }
    }

    public DateTimeOffset Now => time.GetUtcNow();

    public void Load()
    {
        lock (_gate)
        {
            _journal = store.Load();
            _desired = _journal.Desired;
        }
    }

    /// <summary>Records a new desired release; returns true if it changed. Failures of other releases are forgotten.</summary>
    public bool SetDesired(string? releaseId)
    {
        lock (_gate)
        {
            if (_desired == releaseId && _journal.Desired == releaseId)
            {
                return false;
            }

            _desired = releaseId;
            if (releaseId is null || _latest?.Release != releaseId)
            {
                _latest = null;
            }

            // Kept in memory even if the save fails: the engine works toward it now, and the next check-in saves it.
            Save(_journal with { Desired = releaseId, Failed = [.. _journal.Failed.Where(f => f.Release == releaseId)] });
            return true;
        }
    }

    /// <summary>Applies a change to the journal, saves it durably, and only then makes it the engine's truth.</summary>
    public UpdateJournal Update(Func<UpdateJournal, UpdateJournal> change, string step, string? release, string outcome)
    {
        lock (_gate)
        {
            var before = _journal;
            var next = change(before).WithHistory(new JournalEntry(time.GetUtcNow(), step, release, outcome));
            Save(next);
            if (next.LastReport is { } report && !ReferenceEquals(report, before.LastReport))
            {
                _latest = report;
            }

            return next;
        }
    }

    /// <summary>An in-progress report (not persisted: a restart re-derives it).</summary>
    public void Report(string release, UpdateState state, int? percent = null)
    {
        lock (_gate)
        {
            _latest = NewReport(release, state, null, null, percent);
        }
    }

    public UpdateReport NewReport(string release, UpdateState state, UpdateFailureCause? cause, string? detail, int? percent = null) => new()
    {
        Release = release, State = state, Cause = cause, Detail = Truncate(detail), ProgressPercent = percent, At = time.GetUtcNow(),
    };

    /// <summary>After a reconcile with nothing in flight: the report on the desired release follows from the journal.</summary>
    public void Settle()
    {
        lock (_gate)
        {
            if (_desired is not { } desired || _journal.Operation is not null || _latest?.Release == desired)
            {
                return;
            }

            if (_journal.LastReport?.Release == desired)
            {
                _latest = _journal.LastReport;
            }
            else if (_journal.Current == desired)
            {
                _latest = NewReport(desired, UpdateState.Committed, null, null);
            }
            else if (_journal.FailureOf(desired) is { } failure)
            {
                _latest = NewReport(desired, failure.State, failure.Cause, failure.Detail);
            }
        }
    }

    private void Save(UpdateJournal next)
    {
        store.Save(next);
        _journal = next;
    }

    // The server keeps at most 2048 characters of detail.
    private static string? Truncate(string? detail) => detail is { Length: > 2000 } ? detail[..2000] : detail;
}
