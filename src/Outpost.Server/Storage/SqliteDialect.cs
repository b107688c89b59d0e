using System.Data.Common;

namespace Outpost.Server.Storage;

internal sealed class SqliteDialect : SqlDialect
{
    public override string MigrationFolder => "Sqlite";

    // SQLite's write transactions (BEGIN IMMEDIATE) already exclude each other.
    public override string? MigrationLockSql => null;

    public override string Contains(string column, string parameter) => $"instr({column}, {parameter}) > 0";

    public override string JsonTextArray(string parameter) => $"SELECT value FROM json_each({parameter})";

    public override async Task InitializeDatabaseAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        // WAL lets admin reads run while check-ins are written; the setting is persistent in the database file.
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode = WAL;";
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
