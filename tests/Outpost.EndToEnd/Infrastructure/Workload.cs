using System.Text.Json.Nodes;

namespace Outpost.EndToEnd.Infrastructure;

/// <summary>Workload specs (docs/workloads.md) for update tests: one process named <c>infer</c>, system programs only.</summary>
internal static class Workload
{
    /// <summary>Runs <c>/bin/sleep</c> and is healthy while it runs.</summary>
    public static JsonObject Sleeper(double healthWindowSeconds) => Spec(healthWindowSeconds, Process("/bin/sleep", ["3600"]));

    /// <summary>Exits 1 at once, restarted quickly until it is a crash loop.</summary>
    public static JsonObject CrashLoop(double healthWindowSeconds)
    {
        var process = Process("/bin/sh", ["-c", "exit 1"]);
        process["restart"] = new JsonObject { ["policy"] = "always", ["initialBackoffSeconds"] = 0.1, ["maxBackoffSeconds"] = 0.2 };
        process["crashLoop"] = new JsonObject { ["maxRestarts"] = 2, ["windowSeconds"] = 30 };
        return Spec(healthWindowSeconds, process);
    }

    /// <summary>Runs, but its TCP probe targets a port nothing listens on.</summary>
    public static JsonObject FailingProbe(double healthWindowSeconds, int closedPort, int failureThreshold = 2)
    {
        var process = Process("/bin/sleep", ["3600"]);
        process["probe"] = new JsonObject
        {
            ["tcp"] = new JsonObject { ["port"] = closedPort }, ["intervalSeconds"] = 0.2, ["timeoutSeconds"] = 1, ["failureThreshold"] = failureThreshold,
        };
        return Spec(healthWindowSeconds, process);
    }

    /// <summary>Exits with <paramref name="exitCode"/> after <paramref name="afterSeconds"/>, never restarted.</summary>
    public static JsonObject ExitsOnce(double healthWindowSeconds, int exitCode, double afterSeconds = 0)
    {
        var process = Process("/bin/sh", ["-c", afterSeconds > 0 ? $"sleep {afterSeconds}; exit {exitCode}" : $"exit {exitCode}"]);
        process["restart"] = new JsonObject { ["policy"] = "never" };
        return Spec(healthWindowSeconds, process);
    }

    private static JsonObject Process(string command, string[] args) => new()
    {
        ["name"] = "infer", ["command"] = command, ["args"] = new JsonArray([.. args.Select(a => (JsonNode)a)]), ["stopTimeoutSeconds"] = 2,
    };

    private static JsonObject Spec(double healthWindowSeconds, JsonObject process) => new()
    {
        ["healthWindowSeconds"] = healthWindowSeconds, ["processes"] = new JsonArray(process),
    };
}
