using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Outpost.Server.Storage;

/// <summary>Microsoft.Data.Sqlite has no DbDataSource; this one lets SQLite and Npgsql share the same store code.</summary>
internal sealed class SqliteDataSource(string connectionString) : DbDataSource
{
    public override string ConnectionString { get; } = connectionString;

    protected override DbConnection CreateDbConnection() => new SqliteConnection(ConnectionString);
}
