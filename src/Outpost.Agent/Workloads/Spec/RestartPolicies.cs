namespace Outpost.Agent.Workloads.Spec;

internal static class RestartPolicies
{
    public const string Expected = "always, on-failure or never";

    public static RestartPolicy? TryParse(string? text) => text switch
    {
        "always" => RestartPolicy.Always,
        "on-failure" => RestartPolicy.OnFailure,
        "never" => RestartPolicy.Never,
        _ => null,
    };
}
