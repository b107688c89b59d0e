using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Outpost.Agent.Configuration;
using Outpost.Agent.Identity;
using Outpost.Agent.Telemetry;
using Outpost.Agent.Updates.Engine;

namespace Outpost.Agent.Sync;

internal static class CheckInServiceCollectionExtensions
{
    /// <summary>The check-in loop and what it needs, for a device whose identity was loaded from <paramref name="store"/>.</summary>
    [SuppressMessage("Security", "CA5394:Do not use insecure randomness", Justification = "Jitter spreads load; it is not a secret.")]
    public static IServiceCollection AddCheckIn(
        this IServiceCollection services, IdentityStore store, X509Certificate2 clientCertificate, X509Certificate2 ca)
    {
        services.AddOptions<AgentOptions>().BindConfiguration(AgentOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AgentOptions>, AgentOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ISystemSnapshotSource>(sp =>
            new ProcSystemSnapshotSource(Options(sp).SystemRoot));
        services.AddSingleton<IDeviceTransport>(sp =>
        {
            var options = Options(sp);
            var pin = new ServerPin(ca, sp.GetRequiredService<TimeProvider>());
            return new HttpDeviceTransport(new Uri(options.ServerUrl!), pin, clientCertificate, options.RequestTimeout);
        });
        services.AddSingleton(sp => new CertificateRenewer(
            store, ca, clientCertificate, Options(sp).RenewalThreshold, sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<CertificateRenewer>>()));
        services.AddSingleton(sp => new CheckInSchedule(
            new Random(), Options(sp).BackoffBase, Options(sp).CheckInInterval));
        services.AddSingleton(sp => new CheckInLoop(
            sp.GetRequiredService<IDeviceTransport>(),
            sp.GetRequiredService<ISystemSnapshotSource>(),
            sp.GetRequiredService<CertificateRenewer>(),
            sp.GetRequiredService<CheckInSchedule>(),
            Options(sp).DeviceClass,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<CheckInLoop>>(),
            sp.GetService<IUpdateStatusSource>(),
            new StartSpread(SystemUptime(Options(sp).SystemRoot), Options(sp).BootWindow)));
        services.AddHostedService<CheckInService>();
        return services;
    }

    private static AgentOptions Options(IServiceProvider services) =>
        services.GetRequiredService<IOptions<AgentOptions>>().Value;

    private static TimeSpan? SystemUptime(string systemRoot)
    {
        try
        {
            return Telemetry.ProcCounters.Uptime(File.ReadAllText(Path.Combine(systemRoot, "proc", "uptime"))) is { } seconds
                ? TimeSpan.FromSeconds(seconds)
                : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
