namespace Outpost.Agent.LocalApi;

/// <summary>One artifact of the current release: its name, kind (app, model, config, agent, ...) and absolute path.</summary>
internal sealed record ReleaseArtifactInfo(string Name, string Kind, string Path);
