using Microsoft.Extensions.Options;

namespace Outpost.Agent.Configuration;

/// <summary>Checks <see cref="AgentOptions"/> at start; each message says what to set and where.</summary>
internal sealed class AgentOptionsValidator : IValidateOptions<AgentOptions>
{
    public ValidateOptionsResult Validate(string? name, AgentOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.ServerUrl)
            || !Uri.TryCreate(options.ServerUrl, UriKind.Absolute, out var server) || server.Scheme != Uri.UriSchemeHttps)
        {
            failures.Add($"Agent:ServerUrl must be an https URL (it comes from agent.json in {options.DataDirectory}; run 'outpost-agent enroll' first)");
        }

        if (options.CheckInInterval <= TimeSpan.Zero)
        {
            failures.Add("Agent:CheckInInterval must be positive (--check-in-interval / OUTPOST_AGENT_CHECK_IN_INTERVAL, e.g. 00:00:30)");
        }

        if (options.BackoffBase <= TimeSpan.Zero)
        {
            failures.Add("Agent:BackoffBase must be positive (--backoff-base / OUTPOST_AGENT_BACKOFF_BASE, e.g. 00:00:01)");
        }

        if (options.RenewalThreshold is <= 0 or >= 1 || double.IsNaN(options.RenewalThreshold))
        {
            failures.Add("Agent:RenewalThreshold must be between 0 and 1 exclusive (--renewal-threshold / OUTPOST_AGENT_RENEWAL_THRESHOLD)");
        }

        if (options.BootWindow < TimeSpan.Zero)
        {
            failures.Add("Agent:BootWindow must not be negative (--boot-window / OUTPOST_AGENT_BOOT_WINDOW; 00:00:00 turns the start spread off)");
        }

        if (options.RequestTimeout <= TimeSpan.Zero)
        {
            failures.Add("Agent:RequestTimeout must be positive (--request-timeout / OUTPOST_AGENT_REQUEST_TIMEOUT)");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
