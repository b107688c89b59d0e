using System.Data.Common;
using System.Globalization;
using System.Text;

namespace Outpost.Server.Storage;

/// <summary>
/// Writes many rows of one shape inside the caller's transaction, the fastest way for each provider. SQLite: one
/// prepared single-row statement executed per row — it runs in-process, so there are no round trips to save, while a
/// multi-row statement costs it dearly (it looks up each of its hundreds of named parameters by a linear scan: 26–37 µs
/// of CPU per row against 3.6 µs, measured on this machine). PostgreSQL: multi-row statements of
/// <see cref="RowsPerStatement"/> rows, which save a network round trip per row and stay far below its parameter limit.
/// </summary>
/// <param name="insertPrefix">The statement up to and including <c>VALUES </c>.</param>
/// <param name="rowTemplate">One row's VALUES tuple; each per-row parameter ends with <c>#</c> (replaced by the row's index
/// in a multi-row statement), e.g. <c>(@device, @s#, @n#)</c>. Shared parameters (no <c>#</c>) are bound once.</param>
/// <param name="suffix">What follows the rows (an ON CONFLICT clause), or empty.</param>
/// <param name="rowParameters">The per-row parameter names without <c>#</c>, in the order <paramref name="values"/> fills them.</param>
/// <param name="values">Fills one row's parameter values.</param>
internal sealed class RowWriter<T>(string insertPrefix, string rowTemplate, string suffix, string[] rowParameters, Action<T, object?[]> values)
{
    public const int RowsPerStatement = 200;

    public async Task WriteAsync(
        DbConnection connection, DbTransaction transaction, SqlDialect dialect, IReadOnlyList<(string Name, object? Value)> shared,
        IReadOnlyList<T> rows, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return;
        }

        if (dialect is SqliteDialect)
        {
            await WriteEachAsync(connection, transaction, shared, rows, cancellationToken);
        }
        else
        {
            await WriteChunkedAsync(connection, transaction, shared, rows, cancellationToken);
        }
    }

    private async Task WriteEachAsync(
        DbConnection connection, DbTransaction transaction, IReadOnlyList<(string Name, object? Value)> shared, IReadOnlyList<T> rows,
        CancellationToken cancellationToken)
    {
        await using var command = connection.Sql($"{insertPrefix}{rowTemplate.Replace("#", "", StringComparison.Ordinal)}{suffix};", transaction);
        foreach (var (name, value) in shared)
        {
            command.With(name, value);
        }

        var parameters = new DbParameter[rowParameters.Length];
        for (var p = 0; p < parameters.Length; p++)
        {
            command.With(rowParameters[p], null);
            parameters[p] = command.Parameters[^1];
        }

        var row = new object?[rowParameters.Length];
        foreach (var item in rows)
        {
            values(item, row);
            for (var p = 0; p < parameters.Length; p++)
            {
                parameters[p].Value = DbCommandExtensions.ToDbValue(row[p]);
            }

            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private async Task WriteChunkedAsync(
        DbConnection connection, DbTransaction transaction, IReadOnlyList<(string Name, object? Value)> shared, IReadOnlyList<T> rows,
        CancellationToken cancellationToken)
    {
        var row = new object?[rowParameters.Length];
        for (var start = 0; start < rows.Count; start += RowsPerStatement)
        {
            var count = Math.Min(RowsPerStatement, rows.Count - start);
            var sql = new StringBuilder(insertPrefix);
            await using var command = connection.Sql("", transaction);
            foreach (var (name, value) in shared)
            {
                command.With(name, value);
            }

            for (var i = 0; i < count; i++)
            {
                var index = i.ToString(CultureInfo.InvariantCulture);
                sql.Append(i == 0 ? "" : ", ").Append(rowTemplate.Replace("#", index, StringComparison.Ordinal));
                values(rows[start + i], row);
                for (var p = 0; p < rowParameters.Length; p++)
                {
                    command.With(rowParameters[p] + index, row[p]);
                }
            }

            command.CommandText = sql.Append(suffix).Append(';').ToString();
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
