namespace Outpost.EndToEnd.Infrastructure;

/// <summary>Enrolls and runs real outpost-agent processes (the JIT build, or OUTPOST_AGENT_BINARY: see Binaries.AgentCommand).</summary>
internal static class AgentProcess
{
    public static Task<(int ExitCode, string Output)> EnrollAsync(ServerProcess server, string token, string dataDirectory, params string[] extra) =>
        EnrollAsync(server, server.DeviceApi, token, dataDirectory, extra);

    /// <summary>Enrolls against <paramref name="deviceApi"/>: the server's own address, or a proxy in front of it.</summary>
    public static async Task<(int ExitCode, string Output)> EnrollAsync(ServerProcess server, Uri deviceApi, string token, string dataDirectory, params string[] extra)
    {
        await using var process = Binaries.StartAgent("outpost-agent enroll",
        [
            "enroll", "--server", deviceApi.ToString(), "--token", token,
            "--ca-fingerprint", server.CaFingerprint, "--data-dir", dataDirectory, "--device-class", "e2e", .. extra,
        ]);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (!process.HasExited)
        {
            await Task.Delay(20, cts.Token);
        }

        await Task.Delay(50, CancellationToken.None);
        return (process.ExitCode, process.Output);
    }

    public static ChildProcess Run(string dataDirectory, params string[] extra) =>
        Binaries.StartAgent("outpost-agent run", ["run", "--data-dir", dataDirectory, .. extra]);
}
