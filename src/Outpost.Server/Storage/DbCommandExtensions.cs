using System.Data.Common;
using System.Text.Json;

namespace Outpost.Server.Storage;

/// <summary>Shared value conventions of both providers: times as unix milliseconds, lists as JSON text.</summary>
internal static class DbCommandExtensions
{
    public static DbCommand With(this DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value switch
        {
            null => DBNull.Value,
            DateTimeOffset time => time.ToUnixTimeMilliseconds(),
            _ => value,
        };
        command.Parameters.Add(parameter);
        return command;
    }

    public static DbCommand Sql(this DbConnection connection, string sql, DbTransaction? transaction = null)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        return command;
    }

    public static string? GetNullableString(this DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    public static DateTimeOffset GetTime(this DbDataReader reader, int ordinal) =>
        DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(ordinal));

    public static DateTimeOffset? GetNullableTime(this DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(ordinal));

    public static string ToJson(IReadOnlyList<string> values) =>
        JsonSerializer.Serialize(values, StorageJsonContext.Default.IReadOnlyListString);

    public static IReadOnlyList<string> FromJson(string json) =>
        JsonSerializer.Deserialize(json, StorageJsonContext.Default.IReadOnlyListString) ?? [];
}
