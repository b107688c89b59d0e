using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Outpost.Agent.Sync;

namespace Outpost.Agent.Updates.SelfUpdate;

internal static class SelfUpdateServiceCollectionExtensions
{
    /// <summary>
    /// <see cref="IAgentSelfUpdate"/> (for the update engine) over <c>&lt;data&gt;/agent/</c>, its settings (section
    /// <c>SelfUpdate</c>), and the start-up confirmation of a new binary after its first check-in.
    /// </summary>
    public static IServiceCollection AddSelfUpdate(this IServiceCollection services, string dataDirectory)
    {
        services.AddOptions<SelfUpdateOptions>().BindConfiguration(SelfUpdateOptions.Section)
            .Validate(o => o.TrialTimeout > TimeSpan.Zero,
                "SelfUpdate:TrialTimeout must be positive (--agent-trial-timeout / OUTPOST_AGENT_TRIAL_TIMEOUT, e.g. 00:01:00)")
            .ValidateOnStart();
        services.AddSingleton(sp => new AgentSelfUpdater(
            new AgentPaths(dataDirectory), sp.GetRequiredService<IOptions<SelfUpdateOptions>>().Value,
            sp.GetService<IHostApplicationLifetime>(), sp.GetService<TimeProvider>() ?? TimeProvider.System,
            sp.GetRequiredService<ILoggerFactory>().CreateLogger("Outpost.Agent.Updates.SelfUpdate")));
        services.AddSingleton<IAgentSelfUpdate>(sp => sp.GetRequiredService<AgentSelfUpdater>());
        services.AddHostedService(sp => new AgentStartConfirmation(
            sp.GetRequiredService<AgentSelfUpdater>().Layout, sp.GetRequiredService<CheckInLoop>(),
            () => Environment.ProcessPath, sp.GetRequiredService<ILogger<AgentStartConfirmation>>()));
        return services;
    }
}
