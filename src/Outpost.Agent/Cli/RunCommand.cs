using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using Outpost.Agent.Configuration;
using Outpost.Agent.Identity;
using Outpost.Agent.Sync;
using Outpost.Agent.Updates.Downloads;
using Outpost.Agent.Updates.Engine;
using Outpost.Agent.Updates.SelfUpdate;
using Outpost.Agent.Telemetry;
using Outpost.Agent.Workloads;

namespace Outpost.Agent.Cli;

/// <summary>
/// <c>outpost-agent run</c>: the composition root. An empty host (no default config sources: the agent maps its own
/// flags, environment and agent.json in <see cref="AgentSettings"/>), console logging one line per event, and
/// ConsoleLifetime for SIGTERM/SIGINT.
/// </summary>
internal static class RunCommand
{
    public static async Task<int> RunAsync(CommandLine commandLine, Func<string, string?> environment, TextWriter error)
    {
        var store = new IdentityStore(AgentSettings.DataDirectory(commandLine.Flags, environment));
        var enrolled = File.Exists(store.StatePath);
        var state = enrolled ? store.ReadState() : null;
        // Argument errors first (exit 2), whatever the state of the data folder.
        var settings = AgentSettings.Layer(state, commandLine.Flags, environment);
        if (!enrolled)
        {
            error.WriteLine($"outpost-agent: not enrolled: {store.StatePath} does not exist; run 'outpost-agent enroll' first");
            return ExitCodes.Failure;
        }

        if (state is null)
        {
            error.WriteLine($"outpost-agent: {store.StatePath} is unreadable; re-enroll with 'outpost-agent enroll --force'");
            return ExitCodes.Failure;
        }

        X509Certificate2 certificate, ca;
        try
        {
            certificate = store.LoadClientCertificate();
            ca = store.LoadCa();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or CryptographicException)
        {
            error.WriteLine($"outpost-agent: cannot load the device identity from {store.DataDirectory}: {ex.Message}");
            return ExitCodes.Failure;
        }

        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.AddSimpleConsole(console =>
        {
            console.SingleLine = true;
            console.UseUtcTimestamp = true;
            console.TimestampFormat = "yyyy-MM-ddTHH:mm:ssZ ";
        });
        builder.Services.Configure<ConsoleLifetimeOptions>(lifetime => lifetime.SuppressStatusMessages = true);
        // Hosted services start in this order and stop in reverse: the supervisor stops a killed agent's leftover
        // workload before the engine's start-up reconcile (repair, resume) starts the committed one, and that runs
        // before the first check-in; at shutdown the workload stops last. The supervisor and self-update are
        // registered before the engine, which otherwise falls back to its process-less stand-in (TryAdd).
        builder.Services.AddWorkloads(new AgentPaths(store.DataDirectory));
        builder.Services.AddDownloads();
        builder.Services.AddSelfUpdate(store.DataDirectory);
        builder.Services.AddUpdateEngine(store.DataDirectory);
        builder.Services.AddCheckIn(store, certificate, ca);
        builder.Services.AddTelemetry(new AgentPaths(store.DataDirectory));

        using var host = builder.Build();
        try
        {
            await host.RunAsync();
        }
        catch (OptionsValidationException ex)
        {
            error.WriteLine($"outpost-agent: invalid settings: {string.Join("; ", ex.Failures)}");
            return ExitCodes.Usage;
        }

        return ExitCodes.Success;
    }
}
