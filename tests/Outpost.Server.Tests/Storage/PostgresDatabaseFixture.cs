using Npgsql;

namespace Outpost.Server.Tests.Storage;

/// <summary>
/// A fresh, uniquely named PostgreSQL database per test class, dropped afterwards. The server comes from env
/// OUTPOST_TEST_POSTGRES; without it the tests skip locally and fail in CI (CI=true), so CI cannot go green untested.
/// </summary>
public sealed class PostgresDatabaseFixture : IAsyncLifetime
{
    public const string Variable = "OUTPOST_TEST_POSTGRES";

    private readonly string? server = Environment.GetEnvironmentVariable(Variable);
    private readonly string name = $"outpost_test_{Guid.NewGuid():N}";

    /// <summary>Connection string of the fresh database; skips or fails the calling test when no server is configured.</summary>
    public string ConnectionString
    {
        get
        {
            if (string.IsNullOrWhiteSpace(server))
            {
                if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
                {
                    Assert.Fail($"CI=true but {Variable} is not set: the PostgreSQL store tests must run in CI.");
                }

                Assert.Skip($"Set {Variable} (e.g. Host=127.0.0.1;Port=55432;Username=postgres) to run the PostgreSQL store tests.");
            }

            return new NpgsqlConnectionStringBuilder(server) { Database = name }.ToString();
        }
    }

    public async ValueTask InitializeAsync()
    {
        if (!string.IsNullOrWhiteSpace(server))
        {
            await ExecuteOnServerAsync($"CREATE DATABASE {name};");
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!string.IsNullOrWhiteSpace(server))
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteOnServerAsync($"DROP DATABASE IF EXISTS {name} WITH (FORCE);");
        }
    }

    private async Task ExecuteOnServerAsync(string sql)
    {
        var builder = new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(builder.ToString());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
