using System.Collections.Concurrent;
using Outpost.Agent.Sync;

namespace Outpost.Sim.Reporting;

/// <summary>Counters and latencies of the whole run, written by every device's loop at once.</summary>
internal sealed class SimStats(IReadOnlyList<string> sites)
{
    private readonly List<double>[] _latencies = [.. sites.Select(_ => new List<double>())];
    private readonly Lock _tickGate = new();
    private List<double> _tickLatencies = [];
    private readonly List<double> _windowLatencies = [];
    private Func<bool> _inWindow = () => false;
    private long _windowCheckIns;
    private long _windowErrors;
    private readonly long[] _siteCheckIns = new long[sites.Count];
    private readonly long[] _siteErrors = new long[sites.Count];
    private readonly ConcurrentDictionary<string, long> _errorsByKind = new(StringComparer.Ordinal);
    private long _checkIns;
    private long _errors;
    private long _tickCheckIns;
    private long _tickErrors;
    private long _telemetryUploads;
    private long _telemetryNotFound;
    private long _telemetryErrors;

    public IReadOnlyList<string> Sites => sites;

    public long CheckIns => Interlocked.Read(ref _checkIns);

    public long Errors => Interlocked.Read(ref _errors);

    public long TelemetryUploads => Interlocked.Read(ref _telemetryUploads);

    public long TelemetryNotFound => Interlocked.Read(ref _telemetryNotFound);

    public long TelemetryErrors => Interlocked.Read(ref _telemetryErrors);

    /// <summary>Check-ins completed while <paramref name="inWindow"/> is true are also counted in <see cref="Window"/>.</summary>
    public void MeasureWhile(Func<bool> inWindow) => _inWindow = inWindow;

    public void RecordCheckIn(int site, TimeSpan latency, DeviceCallStatus status, string? detail)
    {
        var inWindow = _inWindow();
        if (inWindow)
        {
            Interlocked.Increment(ref _windowCheckIns);
            if (status != DeviceCallStatus.Ok)
            {
                Interlocked.Increment(ref _windowErrors);
            }
        }

        Interlocked.Increment(ref _tickCheckIns);
        Interlocked.Increment(ref _checkIns);
        Interlocked.Increment(ref _siteCheckIns[site]);
        if (status == DeviceCallStatus.Ok)
        {
            var list = _latencies[site];
            lock (list)
            {
                list.Add(latency.TotalMilliseconds);
            }

            lock (_tickGate)
            {
                _tickLatencies.Add(latency.TotalMilliseconds);
                if (inWindow)
                {
                    _windowLatencies.Add(latency.TotalMilliseconds);
                }
            }

            return;
        }

        Interlocked.Increment(ref _tickErrors);
        Interlocked.Increment(ref _errors);
        Interlocked.Increment(ref _siteErrors[site]);
        _errorsByKind.AddOrUpdate(Kind(status, detail), 1, (_, n) => n + 1);
    }

    public void RecordTelemetry(DeviceCallStatus status, string? detail)
    {
        if (status == DeviceCallStatus.Ok)
        {
            Interlocked.Increment(ref _telemetryUploads);
        }
        else if (detail?.StartsWith("HTTP 404", StringComparison.Ordinal) == true)
        {
            // Tolerated until the telemetry endpoint exists on the server under test.
            Interlocked.Increment(ref _telemetryNotFound);
        }
        else
        {
            Interlocked.Increment(ref _telemetryErrors);
            _errorsByKind.AddOrUpdate("telemetry: " + Kind(status, detail), 1, (_, n) => n + 1);
        }
    }

    /// <summary>Check-ins, errors and the latencies of successful check-ins since the previous call.</summary>
    public (long CheckIns, long Errors, double[] Latencies) TakeTick()
    {
        List<double> latencies;
        lock (_tickGate)
        {
            latencies = _tickLatencies;
            _tickLatencies = [];
        }

        return (Interlocked.Exchange(ref _tickCheckIns, 0), Interlocked.Exchange(ref _tickErrors, 0), [.. latencies]);
    }

    /// <summary>Check-ins, errors and latencies of successful check-ins inside the measurement window.</summary>
    public (long CheckIns, long Errors, double[] Latencies) Window()
    {
        lock (_tickGate)
        {
            return (Interlocked.Read(ref _windowCheckIns), Interlocked.Read(ref _windowErrors), [.. _windowLatencies]);
        }
    }

    public IReadOnlyDictionary<string, long> ErrorsByKind() =>
        new SortedDictionary<string, long>(_errorsByKind, StringComparer.Ordinal);

    public double[] Latencies(int? site = null)
    {
        IEnumerable<List<double>> lists = site is { } s ? [_latencies[s]] : _latencies;
        var all = new List<double>();
        foreach (var list in lists)
        {
            lock (list)
            {
                all.AddRange(list);
            }
        }

        return [.. all];
    }

    public (long CheckIns, long Errors) Site(int site) =>
        (Interlocked.Read(ref _siteCheckIns[site]), Interlocked.Read(ref _siteErrors[site]));

    // Kinds people can act on: the server said no (status), the network or TLS failed, or the request timed out.
    private static string Kind(DeviceCallStatus status, string? detail)
    {
        var text = detail ?? "";
        if (status == DeviceCallStatus.Revoked)
        {
            return "revoked (403)";
        }

        if (text.StartsWith("HTTP ", StringComparison.Ordinal))
        {
            return text.Length >= 8 ? text[..8] : text;
        }

        if (text.Contains("timed out", StringComparison.Ordinal))
        {
            return "timeout";
        }

        if (text.StartsWith("server certificate rejected", StringComparison.Ordinal))
        {
            return "tls: server certificate rejected";
        }

        return status == DeviceCallStatus.Refused ? "refused" : "network: " + Shorten(text);
    }

    // The transport's detail is "what failed (inner cause)"; keep both, which is what tells a reset from a refusal.
    private static string Shorten(string text) => text.Length <= 160 ? text : text[..160];
}
