using System.Text.Json;

namespace Outpost.Agent.Updates.Engine;

/// <summary>
/// Reads and replaces <c>update/journal.json</c>: temporary file, fsync, rename, fsync of the folder. After a power
/// cut the file is the old or the new journal, never a mix, and a written journal is never forgotten.
/// </summary>
internal sealed class JournalStore(string directory, FaultPoints faults)
{
    public string Path => System.IO.Path.Combine(directory, "journal.json");

    public UpdateJournal Load()
    {
        if (!File.Exists(Path))
        {
            return UpdateJournal.Empty;
        }

        try
        {
            return JsonSerializer.Deserialize(File.ReadAllBytes(Path), EngineJsonContext.Default.UpdateJournal) ?? UpdateJournal.Empty;
        }
        catch (JsonException ex)
        {
            // Cannot happen through Save (atomic); a hand-edited or disk-damaged file is not guessed at.
            throw new InvalidDataException($"{Path} is not a valid update journal: {ex.Message}", ex);
        }
    }

    public void Save(UpdateJournal journal)
    {
        Directory.CreateDirectory(directory);
        var temp = System.IO.Path.Combine(directory, $".journal.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                JsonSerializer.Serialize(stream, journal, EngineJsonContext.Default.UpdateJournal);
                stream.Flush(flushToDisk: true);
            }

            faults.Hit("journal.written");
            Posix.Rename(temp, Path);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }

        faults.Hit("journal.renamed");
        Posix.SyncDirectory(directory);
    }
}
