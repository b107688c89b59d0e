using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Outpost.Protocol;
using Outpost.Protocol.Devices;

namespace Outpost.EndToEnd.Dashboard;

/// <summary>
/// Writes devices straight into a stopped server's SQLite database (10,000 enrollments through the API would take
/// minutes): rows as check-ins leave them — last seen, agent version, system snapshot, running release — spread
/// over <see cref="Sites"/> sites; one device in ten has been silent for six hours (offline). The benchmark's server
/// runs with a 30-minute offline grace, so the others stay online while it is measured although nothing checks in.
/// </summary>
internal static class BenchSeed
{
    public const int Sites = 50;

    public static string Site(int i) => $"site-{i % Sites + 1:D2}";

    /// <summary>Adds devices numbered <paramref name="from"/> (inclusive) to <paramref name="to"/> (exclusive).</summary>
    public static async Task AddDevicesAsync(string database, int from, int to, IReadOnlyList<string> releases)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        await using var db = new SqliteConnection($"Data Source={database}");
        await db.OpenAsync(TestContext.Current.CancellationToken);
        await using var transaction = await db.BeginTransactionAsync(TestContext.Current.CancellationToken);
        await using var insert = db.CreateCommand();
        insert.CommandText =
            """
            INSERT INTO devices (id, hostname, site, tags_json, enrolled_at, certificate_serial, certificate_not_after,
                                 last_seen_at, agent_version, device_class, system_json, current_release)
            VALUES ($id, $host, $site, $tags, $enrolled, $serial, $notAfter, $seen, '0.1.0', 'sim', $system, $release);
            """;
        var p = new[] { "$id", "$host", "$site", "$tags", "$enrolled", "$serial", "$notAfter", "$seen", "$system", "$release" }
            .ToDictionary(n => n, n => insert.Parameters.Add(new SqliteParameter(n, null)));
        for (var i = from; i < to; i++)
        {
            var snapshot = new SystemSnapshot
            {
                CpuPercent = 5 + (i % 60),
                CpuCount = 4,
                MemoryTotalBytes = 4L << 30,
                MemoryAvailableBytes = (1L << 30) + (i % 7 * (256L << 20)),
                Load1 = 0.4,
                Load5 = 0.3,
                Load15 = 0.3,
                UptimeSeconds = 86_400 + i,
                TemperatureCelsius = 40 + (i % 25),
                Disks = [new DiskUsage { Mount = "/", TotalBytes = 32L << 30, FreeBytes = (8L + (i % 20)) << 30 }],
            };
            p["$id"].Value = $"dev-bench{i:D6}";
            p["$host"].Value = $"cam-{i:D5}";
            p["$site"].Value = Site(i);
            p["$tags"].Value = i % 3 == 0 ? """["bench","outdoor"]""" : """["bench"]""";
            p["$enrolled"].Value = now - 86_400_000L + i;
            p["$serial"].Value = i.ToString("X8", CultureInfo.InvariantCulture);
            p["$notAfter"].Value = now + (300L * 86_400_000);
            p["$seen"].Value = i % 10 == 9 ? now - (6 * 3_600_000L) : now;
            p["$system"].Value = JsonSerializer.Serialize(snapshot, OutpostJsonContext.Default.SystemSnapshot);
            p["$release"].Value = releases[i % releases.Count];
            await insert.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        await transaction.CommitAsync(TestContext.Current.CancellationToken);
    }
}
