using Microsoft.Extensions.Options;
using Outpost.Server.Certificates;

namespace Outpost.Server.Hosting;

/// <summary>Prints the machine-readable start-up lines once Kestrel has bound both listeners.</summary>
internal sealed class StartupAnnouncer(
    BoundListeners listeners, ServerCredentials credentials, StartupOutput output, IOptions<OutpostOptions> options,
    ILogger<StartupAnnouncer> logger)
{
    /// <summary>Set by initialization on the very first start of a data folder; printed once, never stored.</summary>
    public string? InitialAdminToken { get; set; }

    public void Announce()
    {
        output.Line("device-api", listeners.DeviceUrl);
        output.Line("admin-api", listeners.AdminUrl);
        output.Line("ca-fingerprint", credentials.CaFingerprint);
        if (InitialAdminToken is not null)
        {
            output.Line("initial-admin-token", InitialAdminToken);
            InitialAdminToken = null;
        }

        Log.Ready(logger, listeners.DeviceUrl, listeners.AdminUrl, options.Value.FullDataDirectory);
        output.Line("ready");
    }
}
