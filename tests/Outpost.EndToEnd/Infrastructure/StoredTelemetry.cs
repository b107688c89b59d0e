using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Outpost.EndToEnd.Infrastructure;

/// <summary>
/// Reads what the server stored straight from its SQLite database (the admin API lists at most 1,000 entries):
/// the drills compare every stored event with what the workload was told was accepted.
/// </summary>
internal static class StoredTelemetry
{
    /// <summary>(sequence, n) of every stored event named <paramref name="name"/>, in sequence order.</summary>
    public static async Task<List<(long Sequence, long N)>> EventsAsync(ServerProcess server, string name)
    {
        await using var db = Open(server);
        await using var command = db.CreateCommand();
        command.CommandText = "SELECT sequence, attributes_json FROM telemetry_entries WHERE channel = 'events' AND name = $name ORDER BY sequence";
        command.Parameters.AddWithValue("$name", name);
        var rows = new List<(long, long)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            using var attributes = JsonDocument.Parse(reader.GetString(1));
            rows.Add((reader.GetInt64(0), long.Parse(attributes.RootElement.GetProperty("n").GetString()!, CultureInfo.InvariantCulture)));
        }

        return rows;
    }

    /// <summary>Number of stored entries of a channel with sequence ≤ <paramref name="through"/> (resync benchmark).</summary>
    public static async Task<long> StoredThroughAsync(ServerProcess server, string channel)
    {
        await using var db = Open(server);
        await using var command = db.CreateCommand();
        command.CommandText = "SELECT COALESCE(MAX(stored_through), 0) FROM telemetry_streams WHERE channel = $c";
        command.Parameters.AddWithValue("$c", channel);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    private static SqliteConnection Open(ServerProcess server)
    {
        var db = new SqliteConnection($"Data Source={Path.Combine(server.DataDirectory, "outpost.db")};Mode=ReadOnly;Pooling=False");
        db.Open();
        return db;
    }
}
