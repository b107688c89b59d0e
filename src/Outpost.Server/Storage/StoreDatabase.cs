using System.Data.Common;

namespace Outpost.Server.Storage;

/// <summary>The data source plus its dialect: what every ADO.NET store needs.</summary>
internal sealed class StoreDatabase(DbDataSource dataSource, SqlDialect dialect) : IAsyncDisposable
{
    public SqlDialect Dialect { get; } = dialect;

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = dataSource.CreateConnection();
        try
        {
            await connection.OpenAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public ValueTask DisposeAsync() => dataSource.DisposeAsync();
}
