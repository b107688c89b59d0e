namespace Outpost.Agent.Updates.SelfUpdate;

/// <summary>Settings of agent self-update, section <c>SelfUpdate</c> (flag and variable in <see cref="Configuration.AgentSettings"/>).</summary>
internal sealed class SelfUpdateOptions
{
    public const string Section = "SelfUpdate";

    /// <summary>How long a new agent binary may take to start and check in once before its trial fails.</summary>
    public TimeSpan TrialTimeout { get; set; } = TimeSpan.FromSeconds(60);
}
