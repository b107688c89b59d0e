using Outpost.Trust.Tuf.Client;
using Outpost.Trust.Tuf.Verification;
using Outpost.Trust.Tuf;

namespace Outpost.Agent.Updates.Tuf;

/// <summary>Verified target files in the target folder: a file there is only ever one that passed TUF 5.7.3.</summary>
internal static class TargetStore
{
    /// <summary>True when <paramref name="path"/> holds exactly the bytes the trusted metadata lists.</summary>
    public static bool IsVerified(string path, TargetMatch match)
    {
        if (!File.Exists(path))
        {
            return false;
        }

        using var stream = File.OpenRead(path);
        try
        {
            TargetVerifier.Verify(match.Path, match.File, stream);
            return true;
        }
        catch (TufException)
        {
            return false;
        }
    }

    /// <summary>Downloads at most the listed length into a temporary file, verifies it, then renames it into place.</summary>
    public static async Task DownloadAsync(TufHttpFetcher fetcher, Uri url, string path, TargetMatch match, CancellationToken cancellationToken)
    {
        var temp = AtomicFile.TempPathFor(path);
        try
        {
            await using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None))
            {
                if (!await fetcher.GetAsync(url, stream, match.File.Length, match.Path, cancellationToken))
                {
                    throw new TufException(match.Path, TufFailure.TargetNotFound, $"the repository has no file at {url}");
                }

                await stream.FlushAsync(cancellationToken);
                stream.Flush(flushToDisk: true);
                stream.Position = 0;
                TargetVerifier.Verify(match.Path, match.File, stream);
            }

            File.Move(temp, path, overwrite: true);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
    }
}
