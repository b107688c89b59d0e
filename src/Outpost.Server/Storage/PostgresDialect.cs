namespace Outpost.Server.Storage;

internal sealed class PostgresDialect : SqlDialect
{
    // Arbitrary constant shared by every Outpost replica: one migrates, the others wait and then see it done.
    private const long MigrationLockKey = 0x4f75_7470_6f73_74;

    // Another constant shared by every replica: the one holding it runs the rollout engine's tick (docs/rollouts.md).
    private const long RolloutEngineLockKey = 0x4f75_7470_6f73_75;

    public override string? EngineLockSql => $"SELECT pg_try_advisory_lock({RolloutEngineLockKey});";

    public override string? EngineUnlockSql => $"SELECT pg_advisory_unlock({RolloutEngineLockKey});";

    public override string MigrationFolder => "Postgres";

    public override string? MigrationLockSql => $"SELECT pg_advisory_xact_lock({MigrationLockKey});";

    public override string JsonTextArray(string parameter) => $"SELECT json_array_elements_text(CAST({parameter} AS json))";

    public override string Contains(string column, string parameter) => $"strpos({column}, {parameter}) > 0";
}
