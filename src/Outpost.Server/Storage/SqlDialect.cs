using System.Data.Common;

namespace Outpost.Server.Storage;

/// <summary>
/// The little that differs between the providers. Everything else (SQL text with @parameters, unix-ms times,
/// JSON as text) is shared by one ADO.NET implementation.
/// </summary>
internal abstract class SqlDialect
{
    /// <summary>Folder under Storage/Migrations holding this provider's numbered scripts.</summary>
    public abstract string MigrationFolder { get; }

    /// <summary>Statement run first in each migration transaction so concurrent servers migrate one at a time; null if the transaction itself serializes.</summary>
    public abstract string? MigrationLockSql { get; }

    /// <summary>A boolean SQL expression: <paramref name="column"/> contains the text of parameter <paramref name="parameter"/> (case-sensitive).</summary>
    public abstract string Contains(string column, string parameter);

    /// <summary>A subquery yielding the strings of the JSON array text in parameter <paramref name="parameter"/>: one statement for thousands of ids.</summary>
    public abstract string JsonTextArray(string parameter);

    /// <summary>
    /// A query answering true when this connection became the one rollout engine among the replicas (released with
    /// <see cref="EngineUnlockSql"/>); null when one process owns the database anyway.
    /// </summary>
    public virtual string? EngineLockSql => null;

    public virtual string? EngineUnlockSql => null;

    /// <summary>One-time database settings applied before migrations.</summary>
    public virtual Task InitializeDatabaseAsync(DbConnection connection, CancellationToken cancellationToken) => Task.CompletedTask;
}
