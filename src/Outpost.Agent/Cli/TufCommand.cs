using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Outpost.Agent.Updates.Tuf;
using Outpost.Trust.Tuf;

namespace Outpost.Agent.Cli;

/// <summary>
/// "outpost-agent tuf ...": the TUF client driven by the tuf-conformance client protocol. Exit 0 on success, 1 on any
/// failure (bad arguments included, as that protocol expects), with one line on stderr.
/// </summary>
internal static class TufCommand
{
    public const string Name = "tuf";

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TimeProvider time, TextWriter error, CancellationToken cancellationToken)
    {
        try
        {
            var arguments = TufArguments.Parse(args);
            if (arguments.Command == "init")
            {
                TufUpdater.Initialize(arguments.MetadataDirectory, ReadRoot(arguments.RootFile!), time);
                return ExitCodes.Success;
            }

            using var handler = new SocketsHttpHandler { AutomaticDecompression = DecompressionMethods.None };
            using var http = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(60) };
            var updater = new TufUpdater(new TufClientOptions
            {
                MetadataDirectory = arguments.MetadataDirectory,
                MetadataUrl = arguments.MetadataUrl!,
                TargetBaseUrl = arguments.TargetBaseUrl,
                TargetDirectory = arguments.TargetDirectory,
            }, http, time, NullLogger.Instance);
            await updater.RefreshAsync(cancellationToken);
            foreach (var target in arguments.TargetNames)
            {
                await updater.DownloadAsync(target, cancellationToken);
            }

            return ExitCodes.Success;
        }
        catch (Exception ex) when (ex is UsageException or TufException or HttpRequestException or IOException
            or UnauthorizedAccessException or TaskCanceledException)
        {
            error.WriteLine($"outpost-agent tuf: {OneLine(ex.Message)}");
            return ExitCodes.Failure;
        }
    }

    private static byte[] ReadRoot(string path)
    {
        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"cannot read {path}: {ex.Message}", ex);
        }
    }

    private static string OneLine(string message) => message.ReplaceLineEndings(" ");
}
