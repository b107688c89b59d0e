namespace Outpost.Agent.Telemetry.Outbox;

/// <summary>The outbox tables. Created if missing; the schema has a version in user_version for later migrations.</summary>
internal static class OutboxSchema
{
    public const int Version = 1;

    // synchronous=FULL: in WAL mode every commit fsyncs the log before returning, so an append the caller saw succeed
    // survives a power cut. NORMAL would only survive a crash of the process (the OS still holds the pages), and the
    // ARCHITECTURE promise is "survives power cuts". Batched appends amortize the fsync.
    public const string Pragmas = """
        PRAGMA journal_mode=WAL;
        PRAGMA synchronous=FULL;
        PRAGMA busy_timeout=5000;
        """;

    // records: (channel, sequence) is the key, so the oldest rows of a channel are a range scan. The body is the
    // record JSON without its sequence (RecordBody); enqueued (Unix ms) drives the time to live.
    // channels: next_sequence only grows and survives deletes, so a sequence is never issued twice.
    public const string Create = """
        CREATE TABLE IF NOT EXISTS records (
            channel  INTEGER NOT NULL,
            sequence INTEGER NOT NULL,
            enqueued INTEGER NOT NULL,
            body     BLOB    NOT NULL,
            PRIMARY KEY (channel, sequence)) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS channels (
            channel          INTEGER PRIMARY KEY,
            next_sequence    INTEGER NOT NULL,
            dropped_records  INTEGER NOT NULL,
            dropped_bytes    INTEGER NOT NULL,
            reported_records INTEGER NOT NULL,
            reported_bytes   INTEGER NOT NULL);
        INSERT OR IGNORE INTO channels VALUES (0, 1, 0, 0, 0, 0), (1, 1, 0, 0, 0, 0), (2, 1, 0, 0, 0, 0);
        PRAGMA user_version=1;
        """;
}
