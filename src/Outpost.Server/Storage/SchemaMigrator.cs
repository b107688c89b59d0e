using System.Globalization;
using Microsoft.Extensions.Logging;

namespace Outpost.Server.Storage;

/// <summary>
/// Applies the numbered scripts embedded under Storage/Migrations/&lt;provider&gt;/ (NNNN_name.sql) that are not yet
/// recorded in schema_migrations, each in its own transaction together with its record.
/// </summary>
internal sealed class SchemaMigrator(StoreDatabase database, TimeProvider time, ILogger<SchemaMigrator> logger)
{
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await database.Dialect.InitializeDatabaseAsync(connection, cancellationToken);
        await using (var create = connection.Sql(
            "CREATE TABLE IF NOT EXISTS schema_migrations (version BIGINT NOT NULL PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL);"))
        {
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        foreach (var (version, name, sql) in LoadScripts(database.Dialect.MigrationFolder))
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            if (database.Dialect.MigrationLockSql is { } lockSql)
            {
                await using var lockCommand = connection.Sql(lockSql, transaction);
                await lockCommand.ExecuteNonQueryAsync(cancellationToken);
            }

            await using (var check = connection.Sql("SELECT COUNT(*) FROM schema_migrations WHERE version = @v;", transaction).With("@v", version))
            {
                if (Convert.ToInt64(await check.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) > 0)
                {
                    continue;
                }
            }

            await using (var apply = connection.Sql(sql, transaction))
            {
                await apply.ExecuteNonQueryAsync(cancellationToken);
            }

            await using (var record = connection.Sql(
                "INSERT INTO schema_migrations (version, name, applied_at) VALUES (@v, @n, @t);", transaction)
                .With("@v", version).With("@n", name).With("@t", time.GetUtcNow()))
            {
                await record.ExecuteNonQueryAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
            Log.MigrationApplied(logger, version, name);
        }
    }

    internal static IEnumerable<(long Version, string Name, string Sql)> LoadScripts(string folder)
    {
        var assembly = typeof(SchemaMigrator).Assembly;
        var prefix = $"Migrations/{folder}/";
        var scripts = new List<(long, string, string)>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(r => r.StartsWith(prefix, StringComparison.Ordinal)))
        {
            var name = Path.GetFileNameWithoutExtension(resource[prefix.Length..]);
            var version = long.Parse(name.AsSpan(0, name.IndexOf('_', StringComparison.Ordinal)), CultureInfo.InvariantCulture);
            using var reader = new StreamReader(assembly.GetManifestResourceStream(resource)!);
            scripts.Add((version, name, reader.ReadToEnd()));
        }

        return scripts.OrderBy(s => s.Item1);
    }
}
