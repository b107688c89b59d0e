using System.Net.Http.Headers;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Outpost.Server.Hosting;

namespace Outpost.Server.Tests.Harness;

/// <summary>
/// The real server in-process: real Kestrel on 127.0.0.1 with port 0 for both listeners, a temporary data folder,
/// the same start-up path as Program.cs. Disposing it fails the test if the server logged an error.
/// </summary>
public sealed class OutpostTestServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly bool ownsDataDirectory;

    private OutpostTestServer(WebApplication app, string dataDirectory, bool ownsDataDirectory, CollectingLoggerProvider logs, SynchronizedLines output)
    {
        this.app = app;
        this.ownsDataDirectory = ownsDataDirectory;
        DataDirectory = dataDirectory;
        Logs = logs;
        Output = output;
        string Value(string key) => output.Lines.Single(l => l.StartsWith($"outpost-server: {key}=", StringComparison.Ordinal)).Split('=', 2)[1];
        DeviceApi = new Uri(Value("device-api"));
        AdminApi = new Uri(Value("admin-api"));
        CaFingerprint = Value("ca-fingerprint");
        InitialAdminToken = output.Lines.SingleOrDefault(l => l.StartsWith("outpost-server: initial-admin-token=", StringComparison.Ordinal))?.Split('=', 2)[1];
        CaCertificate = X509Certificate2.CreateFromPem(File.ReadAllText(Path.Combine(dataDirectory, "ca", "ca.crt")));
    }

    public string DataDirectory { get; }

    public CollectingLoggerProvider Logs { get; }

    public SynchronizedLines Output { get; }

    public Uri DeviceApi { get; }

    public Uri AdminApi { get; }

    public string CaFingerprint { get; }

    public string? InitialAdminToken { get; }

    public X509Certificate2 CaCertificate { get; }

    public IServiceProvider Services => app.Services;

    /// <summary>Starts a server. Pass <paramref name="dataDirectory"/> to reuse a folder (it is then not deleted).</summary>
    public static async Task<OutpostTestServer> StartAsync(
        string? dataDirectory = null, TimeProvider? time = null, IDictionary<string, string?>? settings = null)
    {
        var owns = dataDirectory is null;
        dataDirectory ??= Directory.CreateTempSubdirectory("outpost-server-test-").FullName;
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = dataDirectory, EnvironmentName = "Production" });
        var config = new Dictionary<string, string?>
        {
            ["Outpost:DataDirectory"] = dataDirectory,
            ["Outpost:DeviceApi:Url"] = "https://127.0.0.1:0",
            ["Outpost:AdminApi:Url"] = "http://127.0.0.1:0",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            config[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(config);
        var logs = new CollectingLoggerProvider();
        builder.Logging.ClearProviders().AddProvider(logs).SetMinimumLevel(LogLevel.Debug);
        var output = new SynchronizedLines();
        builder.AddOutpostServer();
        builder.Services.Replace(ServiceDescriptor.Singleton(new StartupOutput(output)));
        if (time is not null)
        {
            builder.Services.Replace(ServiceDescriptor.Singleton(time));
        }

        WebApplication? app = null;
        try
        {
            app = builder.Build();
            await app.InitializeOutpostAsync();
            app.MapOutpost();
            await app.StartAsync(TestContext.Current.CancellationToken);
            return new OutpostTestServer(app, dataDirectory, owns, logs, output);
        }
        catch
        {
            // A server that fails to start (e.g. invalid settings) must not leak its folder or open listeners.
            if (app is not null)
            {
                await app.DisposeAsync();
            }

            if (owns)
            {
                Directory.Delete(dataDirectory, recursive: true);
            }

            throw;
        }
    }

    /// <summary>An admin API client; with no token, sends no Authorization header.</summary>
    public HttpClient AdminClient(string? token)
    {
        var client = new HttpClient { BaseAddress = AdminApi };
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    /// <summary>A device API client that pins the fleet CA and presents <paramref name="clientCertificate"/> (or none).</summary>
    public HttpClient DeviceClient(X509Certificate2? clientCertificate, Action<X509Chain?>? onServerChain = null)
    {
        var handler = new SocketsHttpHandler();
        handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, chain, _) =>
        {
            onServerChain?.Invoke(chain);
            return certificate is not null && Trust.Certificates.PinnedChain.Validate(
                X509CertificateLoader.LoadCertificate(certificate.GetRawCertData()), CaCertificate, DateTimeOffset.UtcNow, out _);
        };
        if (clientCertificate is not null)
        {
            handler.SslOptions.ClientCertificates = [clientCertificate];
            handler.SslOptions.LocalCertificateSelectionCallback = (_, _, _, _, _) => clientCertificate;
        }

        return new HttpClient(handler) { BaseAddress = DeviceApi };
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync(CancellationToken.None);
        await app.DisposeAsync();
        CaCertificate.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (ownsDataDirectory)
        {
            Directory.Delete(DataDirectory, recursive: true);
        }

        var errors = Logs.Entries.Where(e => e.Level >= LogLevel.Error).ToList();
        Assert.True(errors.Count == 0, "The server logged errors:\n" + string.Join("\n", errors));
    }
}
