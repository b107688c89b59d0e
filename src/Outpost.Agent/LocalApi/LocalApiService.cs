using System.Globalization;
using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Outpost.Agent.Telemetry.Outbox;
using Outpost.Protocol.Telemetry;

namespace Outpost.Agent.LocalApi;

/// <summary>
/// Runs the local API for the life of the agent and writes the suppressed-log counts to the Logs channel every
/// SuppressedReportInterval. A socket that cannot be bound is logged, not fatal: workloads lose their API, but
/// the agent's other duties (updates, check-ins) go on.
/// </summary>
internal sealed class LocalApiService(
    LocalApiHandler handler, LogLimiter limiter, TelemetryOutbox outbox, AgentPaths paths, LocalApiOptions options,
    TimeProvider time, ILogger<LocalApiService> logger) : BackgroundService
{
    /// <summary>The loopback port actually bound (tests ask for port 0).</summary>
    public int? LoopbackPort { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await using var server = new LocalHttpServer(handler.HandleAsync, options.MaxConnections, options.IdleTimeout);
        try
        {
            server.ListenUnix(paths.LocalApiSocket);
            Log.Listening(logger, paths.LocalApiSocket);
        }
        catch (Exception ex) when (ex is SocketException or IOException or UnauthorizedAccessException)
        {
            Log.ListenFailed(logger, paths.LocalApiSocket, ex.Message);
        }

        if (options.LoopbackPort is { } port)
        {
            try
            {
                LoopbackPort = server.ListenLoopback(port);
                Log.Listening(logger, string.Create(CultureInfo.InvariantCulture, $"127.0.0.1:{LoopbackPort}"));
            }
            catch (SocketException ex)
            {
                Log.ListenFailed(logger, string.Create(CultureInfo.InvariantCulture, $"127.0.0.1:{port}"), ex.Message);
            }
        }

        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await Task.Delay(options.SuppressedReportInterval, time, stoppingToken);
                ReportSuppressed();
            }
        }
        catch (OperationCanceledException)
        {
        }

        ReportSuppressed();
    }

    private void ReportSuppressed()
    {
        var records = limiter.TakeSuppressed();
        if (records.Count == 0)
        {
            return;
        }

        try
        {
            outbox.Append(TelemetryChannel.Logs, records);
        }
        catch (SqliteException ex)
        {
            Log.ReportFailed(logger, ex.Message);
        }
    }
}
