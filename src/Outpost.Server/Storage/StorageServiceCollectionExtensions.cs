using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Npgsql;
using Outpost.Server.Hosting;

namespace Outpost.Server.Storage;

internal static class StorageServiceCollectionExtensions
{
    public static IServiceCollection AddOutpostStorage(this IServiceCollection services)
    {
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section)
            .ValidateDataAnnotations()
            .Validate(
                o => o.Provider != "postgres" || !string.IsNullOrWhiteSpace(o.ConnectionString),
                "Set Outpost:Storage:ConnectionString to a PostgreSQL connection string when Outpost:Storage:Provider is 'postgres'.")
            .ValidateOnStart();
        services.AddSingleton(sp => CreateDatabase(
            sp.GetRequiredService<IOptions<StorageOptions>>().Value,
            sp.GetRequiredService<IOptions<OutpostOptions>>().Value.FullDataDirectory));
        services.AddSingleton<SchemaMigrator>();
        services.AddSingleton<IDeviceStore, AdoDeviceStore>();
        services.AddSingleton<IEnrollmentTokenStore, AdoEnrollmentTokenStore>();
        services.AddSingleton<IAdminTokenStore, AdoAdminTokenStore>();
        return services;
    }

    // Every device request reads its credential row, so per-query overhead is what limits check-ins: prepare the
    // hot statements automatically, and skip the DISCARD ALL a pooled connection would otherwise send (the stores
    // leave no session state behind). Settings given explicitly in the connection string win.
    private static string TunedForCheckIns(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!connectionString.Contains("Max Auto Prepare", StringComparison.OrdinalIgnoreCase))
        {
            builder.MaxAutoPrepare = 32;
        }

        if (!connectionString.Contains("No Reset On Close", StringComparison.OrdinalIgnoreCase))
        {
            builder.NoResetOnClose = true;
        }

        return builder.ConnectionString;
    }

    internal static StoreDatabase CreateDatabase(StorageOptions options, string dataDirectory)
    {
        if (options.Provider == "postgres")
        {
            return new StoreDatabase(NpgsqlDataSource.Create(TunedForCheckIns(options.ConnectionString!)), new PostgresDialect());
        }

        var connectionString = options.ConnectionString;
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            Directory.CreateDirectory(dataDirectory);
            connectionString = new SqliteConnectionStringBuilder
            {
                DataSource = Path.Combine(dataDirectory, "outpost.db"),
                Pooling = true,
                // Microsoft.Data.Sqlite retries SQLITE_BUSY until the command timeout: this is the busy timeout that
                // lets the write-behind flush, enrollments and admin writes wait for each other. (A per-open
                // PRAGMA busy_timeout cost ~10% of check-in throughput.)
                DefaultTimeout = 30,
            }.ToString();
        }

        return new StoreDatabase(new SqliteDataSource(connectionString), new SqliteDialect());
    }
}
