using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Configuration;
using Outpost.Agent.Configuration;
using Outpost.Agent.Identity;
using Outpost.Agent.Sync;
using Outpost.Agent.Telemetry;
using Outpost.Protocol.Devices;

namespace Outpost.Agent.Cli;

/// <summary>
/// <c>outpost-agent check-in-once</c>: the self-update trial of a new agent binary (docs/designs/agent-self-update.md).
/// Loads the identity, checks in ONCE through the normal transport reporting its own version, and exits 0 when the
/// server accepted it, else 1 with one line on stderr. It renews nothing and starts nothing: the running agent owns
/// the identity and the workloads.
/// </summary>
internal static class CheckInOnceCommand
{
    public static async Task<int> RunAsync(
        CommandLine commandLine, Func<string, string?> environment, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var store = new IdentityStore(AgentSettings.DataDirectory(commandLine.Flags, environment));
        var state = File.Exists(store.StatePath) ? store.ReadState() : null;
        var settings = AgentSettings.Layer(state, commandLine.Flags, environment);
        if (state is null)
        {
            error.WriteLine($"outpost-agent: not enrolled or unreadable: {store.StatePath}");
            return ExitCodes.Failure;
        }

        var options = new ConfigurationBuilder().AddInMemoryCollection(settings).Build()
            .GetSection(AgentOptions.Section).Get<AgentOptions>() ?? new AgentOptions();
        var validation = new AgentOptionsValidator().Validate(null, options);
        if (validation.Failed)
        {
            error.WriteLine($"outpost-agent: invalid settings: {validation.FailureMessage}");
            return ExitCodes.Usage;
        }

        X509Certificate2 certificate, ca;
        try
        {
            certificate = store.LoadClientCertificate();
            ca = store.LoadCa();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or CryptographicException)
        {
            error.WriteLine($"outpost-agent: cannot load the device identity from {store.DataDirectory}: {OneLine(ex.Message)}");
            return ExitCodes.Failure;
        }

        using (certificate)
        using (ca)
        using (var transport = new HttpDeviceTransport(
            new Uri(options.ServerUrl!), new ServerPin(ca, TimeProvider.System), certificate, options.RequestTimeout))
        {
            var request = new CheckInRequest
            {
                AgentVersion = AgentVersion.Current,
                DeviceClass = options.DeviceClass,
                System = Snapshot(options.SystemRoot),
                CurrentRelease = CurrentRelease(new AgentPaths(store.DataDirectory)),
            };
            var result = await transport.CheckInAsync(request, cancellationToken);
            if (result.Status != DeviceCallStatus.Ok)
            {
                error.WriteLine($"outpost-agent: check-in failed ({result.Status}): {OneLine(result.Detail ?? "no detail")}");
                return ExitCodes.Failure;
            }
        }

        output.WriteLine($"outpost-agent: checked in as version {AgentVersion.Current}");
        return ExitCodes.Success;
    }

    private static SystemSnapshot Snapshot(string systemRoot)
    {
        try
        {
            return new ProcSystemSnapshotSource(systemRoot).Read();
        }
#pragma warning disable CA1031 // Best effort, as in the check-in loop: the trial is about coming up and checking in.
        catch (Exception)
#pragma warning restore CA1031
        {
            return new SystemSnapshot();
        }
    }

    // Reported so this one check-in does not blank the device's installed release on the server.
    private static string? CurrentRelease(AgentPaths paths) =>
        new FileInfo(paths.Current).LinkTarget is { } target ? Path.GetFileName(target.TrimEnd('/')) : null;

    private static string OneLine(string message) => message.ReplaceLineEndings(" ");
}
