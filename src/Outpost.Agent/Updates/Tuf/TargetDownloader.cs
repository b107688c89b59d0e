using System.Net;
using System.Security.Cryptography;
using Outpost.Agent.Updates.Downloads;
using Outpost.Trust.Tuf;
using Outpost.Trust.Tuf.Client;
using Outpost.Trust.Tuf.Verification;

namespace Outpost.Agent.Updates.Tuf;

/// <summary>
/// TUF 5.7.3 downloads that survive bad links: the bytes go to a partial file named by the target's sha256; after a
/// cut the next attempt asks only for the rest (<c>Range</c> + <c>If-Range</c>), with full-jitter backoff between
/// attempts. A partial is never trusted: only the whole file, verified against the listed length and hashes, is
/// renamed into place. A verification failure deletes it and fetches from zero once more, then refuses.
/// </summary>
internal sealed class TargetDownloader(
    TufHttpFetcher fetcher, TufClientOptions options, TimeProvider time, DownloadMeter meter, Func<double> random)
{
    private readonly TokenBucket? _bandwidth =
        options.Download.MaxBytesPerSecond > 0 ? new TokenBucket(options.Download.MaxBytesPerSecond, time) : null;

    /// <summary>Raised when a retry wait has started (its timer exists), with its length.</summary>
    public event Action<TimeSpan>? RetryWaiting;

    /// <summary>The partial file of <paramref name="match"/>, or null when downloads are not resumable (no folder).</summary>
    public string? PartialPath(TargetMatch match) =>
        options.PartialDirectory is { } directory ? Path.Combine(directory, PartialName(match)) : null;

    /// <summary>Bytes of <paramref name="match"/> already on disk in its partial file (at most its length).</summary>
    public long BytesPresent(TargetMatch match) =>
        PartialPath(match) is { } path && File.Exists(path) ? Math.Min(new FileInfo(path).Length, match.File.Length) : 0;

    /// <summary>
    /// Downloads and verifies the target, then renames it to <paramref name="finalPath"/>; <paramref name="progress"/>
    /// gets the bytes of the target on disk so far (resumed bytes included).
    /// </summary>
    public async Task DownloadAsync(Uri url, string finalPath, TargetMatch match, Action<long>? progress, CancellationToken cancellationToken)
    {
        var resumable = options.PartialDirectory is not null;
        var partial = PartialPath(match) ?? AtomicFile.TempPathFor(finalPath);
        Directory.CreateDirectory(Path.GetDirectoryName(partial)!);
        var failures = 0;
        var fetchedFromZeroAgain = false;
        try
        {
            while (true)
            {
                bool complete;
                try
                {
                    complete = await AttemptAsync(url, partial, match, progress, cancellationToken);
                }
                catch (Exception ex) when (IsTransient(ex, cancellationToken) && ++failures < options.Download.Attempts)
                {
                    await WaitAsync(failures, cancellationToken);
                    continue;
                }

                if (!complete)
                {
                    // The server could not serve the range we asked for (416, or another range than asked): start over.
                    if (++failures >= options.Download.Attempts)
                    {
                        throw new HttpRequestException($"GET {url}: the server kept answering ranges other than asked");
                    }

                    continue;
                }

                var refusal = Verify(partial, match);
                if (refusal is null)
                {
                    File.Move(partial, finalPath, overwrite: true);
                    return;
                }

                File.Delete(partial);
                if (fetchedFromZeroAgain)
                {
                    throw refusal;
                }

                fetchedFromZeroAgain = true;
            }
        }
        catch (Exception ex) when (!resumable || ex is TufException)
        {
            // Refused bytes are never resumed from; without a partial folder nothing outlives the call.
            File.Delete(partial);
            throw;
        }
    }

    /// <summary>One request. True when the partial now holds as many bytes as the server would give (verify next).</summary>
    private async Task<bool> AttemptAsync(Uri url, string partial, TargetMatch match, Action<long>? progress, CancellationToken cancellationToken)
    {
        var length = match.File.Length;
        var offset = File.Exists(partial) ? new FileInfo(partial).Length : 0;
        if (offset > length)
        {
            File.Delete(partial);
            offset = 0;
        }

        if (offset == length)
        {
            return true;
        }

        var entityTag = match.File.Hashes.GetValueOrDefault("sha256");
        using var response = await fetcher.SendAsync(url, offset, entityTag, cancellationToken);
        if (TufHttpFetcher.IsMissing(response.StatusCode))
        {
            throw new TufException(match.Path, TufFailure.TargetNotFound, $"the repository has no file at {url}");
        }

        if (response.StatusCode == HttpStatusCode.RequestedRangeNotSatisfiable)
        {
            File.Delete(partial);
            return false;
        }

        TufHttpFetcher.EnsureSuccess(url, response);
        if (response.StatusCode == HttpStatusCode.PartialContent)
        {
            var range = response.Content.Headers.ContentRange;
            if (range?.From != offset || (range.Length is { } total && total != length))
            {
                File.Delete(partial);
                return false;
            }
        }
        else
        {
            // 200: the whole file (a server without ranges, or If-Range said the file changed).
            offset = 0;
        }

        await using var stream = new FileStream(partial, offset == 0 ? FileMode.Create : FileMode.Append, FileAccess.Write, FileShare.None);
        var written = offset;
        progress?.Invoke(written);
        var bufferBytes = _bandwidth is null ? TufHttpFetcher.BufferBytes : (int)Math.Clamp(_bandwidth.BytesPerSecond / 4, 1024, TufHttpFetcher.BufferBytes);
        try
        {
            await TufHttpFetcher.CopyCappedAsync(response, stream, length - offset, match.Path, async read =>
            {
                meter.Add(match.Path, read);
                written += read;
                progress?.Invoke(Math.Min(written, length));
                if (_bandwidth is not null)
                {
                    await _bandwidth.TakeAsync(read, cancellationToken);
                }
            }, cancellationToken, bufferBytes);
        }
        finally
        {
            // What arrived before a cut stays, durable, for the next attempt to resume from.
            await stream.FlushAsync(CancellationToken.None);
            stream.Flush(flushToDisk: true);
        }

        return true;
    }

    private async Task WaitAsync(int failures, CancellationToken cancellationToken)
    {
        var delay = RetryBackoff.FullJitter(failures, options.Download.RetryBaseDelay, options.Download.RetryMaxDelay, random());
        var wait = Task.Delay(delay, time, cancellationToken);
        RetryWaiting?.Invoke(delay);
        await wait;
    }

    private static TufException? Verify(string path, TargetMatch match)
    {
        try
        {
            using var stream = File.OpenRead(path);
            TargetVerifier.Verify(match.Path, match.File, stream);
            return null;
        }
        catch (TufException ex)
        {
            return ex;
        }
    }

    // Network trouble, timeouts (HttpClient throws TaskCanceledException), a body cut short (HttpIOException is an
    // IOException); not our own cancellation and not a TUF refusal.
    private static bool IsTransient(Exception ex, CancellationToken cancellationToken) =>
        ex is HttpRequestException or IOException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested);

    /// <summary>By content: the sha256 the target lists (else its first hash), so a changed target never resumes an old partial.</summary>
    private static string PartialName(TargetMatch match)
    {
        var (algorithm, hash) = match.File.Hashes.TryGetValue("sha256", out var sha256)
            ? ("sha256", sha256)
            : match.File.Hashes.Select(h => (h.Key, h.Value)).FirstOrDefault();
        var name = hash is null
            ? Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(match.Path)))
            : algorithm == "sha256" ? hash : $"{algorithm}-{hash}";
        return TufFileNames.Escape(name.ToLowerInvariant()) + ".part";
    }
}
