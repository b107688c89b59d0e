using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;

namespace Outpost.EndToEnd.Infrastructure;

/// <summary>
/// A real outpost-server process on 127.0.0.1 with its own data folder. Reads the machine-readable start-up lines
/// (addresses, CA fingerprint, first admin token). <see cref="AssertNoErrorsLogged"/> fails a test whose server logged
/// an error even when every assertion passed.
/// </summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    private const string Prefix = "outpost-server: ";

    private ServerProcess(ChildProcess process, string dataDirectory)
    {
        Process = process;
        DataDirectory = dataDirectory;
    }

    public ChildProcess Process { get; }

    public string DataDirectory { get; }

    public Uri DeviceApi { get; private set; } = null!;

    public Uri AdminApi { get; private set; } = null!;

    public string CaFingerprint { get; private set; } = null!;

    /// <summary>Printed only on the first start of a data folder.</summary>
    public string? InitialAdminToken { get; private set; }

    public static async Task<ServerProcess> StartAsync(
        string dataDirectory, int devicePort = 0, int adminPort = 0, TimeSpan? checkInInterval = null, params string[] extra)
    {
        var args = new List<string>
        {
            Binaries.Server,
            $"--Outpost:DataDirectory={dataDirectory}",
            $"--Outpost:DeviceApi:Url=https://127.0.0.1:{devicePort}",
            $"--Outpost:AdminApi:Url=http://127.0.0.1:{adminPort}",
            $"--Outpost:Devices:CheckInInterval={checkInInterval ?? TimeSpan.FromSeconds(2)}",
        };
        args.AddRange(extra);
        var child = ChildProcess.Start("outpost-server", "dotnet", args);
        var server = new ServerProcess(child, dataDirectory);
        await child.WaitForLineAsync(l => l.StartsWith(Prefix + "ready", StringComparison.Ordinal), TimeSpan.FromSeconds(60));
        server.DeviceApi = new Uri(server.Value("device-api"));
        server.AdminApi = new Uri(server.Value("admin-api"));
        server.CaFingerprint = server.Value("ca-fingerprint");
        server.InitialAdminToken = server.TryValue("initial-admin-token");
        return server;
    }

    /// <summary>A port that was free a moment ago, for tests that restart a server on the same address.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public HttpClient AdminClient(string token)
    {
        var client = new HttpClient { BaseAddress = AdminApi, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public void AssertNoErrorsLogged()
    {
        var errors = Process.Lines.Where(l => l.StartsWith("fail:", StringComparison.Ordinal) || l.StartsWith("crit:", StringComparison.Ordinal)).ToList();
        Assert.True(errors.Count == 0, $"outpost-server logged errors:\n{string.Join('\n', errors)}\n--- full output ---\n{Process.Output}");
    }

    /// <summary>SIGTERM and wait: the server must flush what it buffered and exit 0.</summary>
    public async Task<int> StopAsync()
    {
        var code = await Process.StopAsync(TimeSpan.FromSeconds(30));
        await Process.DisposeAsync();
        return code;
    }

    public ValueTask DisposeAsync() => Process.DisposeAsync();

    private string Value(string key) =>
        TryValue(key) ?? throw new InvalidOperationException($"server did not print '{Prefix}{key}='. Output:\n{Process.Output}");

    private string? TryValue(string key) =>
        Process.Lines.LastOrDefault(l => l.StartsWith($"{Prefix}{key}=", StringComparison.Ordinal))?[(Prefix.Length + key.Length + 1)..];
}
