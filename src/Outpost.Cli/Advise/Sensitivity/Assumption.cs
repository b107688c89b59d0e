using Outpost.Cli.Advise.Model;

namespace Outpost.Cli.Advise.Sensitivity;

/// <summary>An input the answer depends on, and how to scale it by a factor.</summary>
internal sealed record Assumption(
    string Name,
    string Unit,
    Func<ResolvedWorkload, double> Value,
    Func<ResolvedWorkload, double, ResolvedWorkload> Scale);
