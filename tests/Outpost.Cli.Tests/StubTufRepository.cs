using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Outpost.Trust.Tuf;
using Outpost.Trust.Tuf.Client;
using Outpost.Trust.Tuf.Keys;
using Outpost.Trust.Tuf.Metadata;
using Outpost.Trust.Tuf.Verification;

namespace Outpost.Cli.Tests;

/// <summary>
/// The TUF part of the admin API (TUF-CONTRACT.md) on 127.0.0.1 port 0, checking what it receives with the TUF core
/// the way the real server must: roots through TrustedMetadataSet, targets against the targets threshold of the
/// uploaded root, blobs by sha256 while they stream in. Accepted targets get snapshot and timestamp signed with
/// its online keys, so the CLI's fetch path runs the real client verification.
/// </summary>
internal sealed class StubTufRepository : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly object gate = new();

    private StubTufRepository(WebApplication app) => this.app = app;

    public string Url { get; private set; } = "";

    public TufSigningKey SnapshotKey { get; } = TufSigningKey.Generate(TufSchemes.Ed25519);

    public TufSigningKey TimestampKey { get; } = TufSigningKey.Generate(TufSchemes.Ed25519);

    public List<byte[]> Roots { get; } = [];

    public SortedDictionary<long, byte[]> Targets { get; } = [];

    public ConcurrentDictionary<string, byte[]> Blobs { get; } = new(StringComparer.Ordinal);

    /// <summary>"PUT /v1/tuf/blobs/..", "POST /v1/tuf/targets", in arrival order.</summary>
    public ConcurrentQueue<string> Writes { get; } = new();

    public long MaxBlobBytes { get; set; } = 1L << 30;

    /// <summary>When set, root uploads are refused with this reason (422).</summary>
    public string? RefuseRoots { get; set; }

    /// <summary>When set, blob uploads stop being read after the first chunk, as a stuck server or network would.</summary>
    public bool StallBlobs { get; set; }

    private SortedDictionary<long, byte[]> Snapshots { get; } = [];

    private byte[]? Timestamp { get; set; }

    public static async Task<StubTufRepository> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k =>
        {
            // Artifacts are large; the contract caps them at Outpost:Tuf:MaxArtifactBytes (MaxBlobBytes here), not at 30 MB.
            k.Limits.MaxRequestBodySize = null;
            k.Listen(IPAddress.Loopback, 0);
        });
        var app = builder.Build();
        var stub = new StubTufRepository(app);
        stub.Map();
        await app.StartAsync();
        stub.Url = app.Urls.Single();
        return stub;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        SnapshotKey.Dispose();
        TimestampKey.Dispose();
    }

    public TufMetadata<RootMetadata> CurrentRoot => MetadataParser.Parse<RootMetadata>(Roots[^1]);

    private void Map()
    {
        app.Use(async (context, next) =>
        {
            if (context.Request.Headers.Authorization.ToString() != "Bearer " + StubAdminApi.AdminToken)
            {
                await Problem(401, "missing or unknown admin token").ExecuteAsync(context);
                return;
            }

            await next(context);
        });
        app.MapGet("/v1/tuf/online-keys", () => Results.Text(
            new JsonObject { ["snapshot"] = SnapshotKey.PublicKey.ToJson(), ["timestamp"] = TimestampKey.PublicKey.ToJson() }.ToJsonString(),
            "application/json"));
        app.MapPost("/v1/tuf/root", async (HttpRequest request) => AcceptRoot(await ReadAllAsync(request)));
        app.MapPut("/v1/tuf/blobs/{sha256}", AcceptBlobAsync);
        app.MapPost("/v1/tuf/targets", async (HttpRequest request) => AcceptTargets(await ReadAllAsync(request)));
        app.MapGet("/v1/tuf/metadata/{file}", (string file) => Metadata(file) is { } bytes
            ? Results.Bytes(bytes, "application/json")
            : Problem(404, $"{file} does not exist"));
        app.MapGet("/v1/releases", () => Results.Text(Releases().ToJsonString(), "application/json"));
    }

    private IResult AcceptRoot(byte[] body)
    {
        lock (gate)
        {
            if (RefuseRoots is not null)
            {
                return Problem(422, RefuseRoots);
            }

            try
            {
                if (Roots.Count == 0)
                {
                    var set = new TrustedMetadataSet(body, StubData.Now);
                    var root = set.Root.Signed;
                    if (root.Version != 1
                        || !root.Role(TufRoles.Snapshot).KeyIds.SequenceEqual([SnapshotKey.KeyId])
                        || !root.Role(TufRoles.Timestamp).KeyIds.SequenceEqual([TimestampKey.KeyId]))
                    {
                        return Problem(400, "first root must be version 1 and list exactly the online snapshot/timestamp keys");
                    }
                }
                else
                {
                    new TrustedMetadataSet(Roots[^1], StubData.Now).UpdateRoot(body);
                }
            }
            catch (TufException e)
            {
                return Problem(400, e.Message);
            }

            Roots.Add(body);
            return Results.StatusCode(201);
        }
    }

    private async Task<IResult> AcceptBlobAsync(string sha256, HttpRequest request)
    {
        Writes.Enqueue("PUT /v1/tuf/blobs/" + sha256);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        using var copy = new MemoryStream();
        var buffer = new byte[16384];
        int read;
        while ((read = await request.Body.ReadAsync(buffer)) > 0)
        {
            if (StallBlobs)
            {
                await Task.Delay(Timeout.Infinite, request.HttpContext.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
                return Results.Empty;
            }

            hash.AppendData(buffer, 0, read);
            copy.Write(buffer, 0, read);
            if (copy.Length > MaxBlobBytes)
            {
                return Problem(413, $"artifact larger than {MaxBlobBytes} bytes (Outpost:Tuf:MaxArtifactBytes)");
            }
        }

        var actual = Convert.ToHexStringLower(hash.GetHashAndReset());
        if (actual != sha256)
        {
            return Problem(400, $"body has sha256 {actual}, not {sha256}");
        }

        var created = Blobs.TryAdd(sha256, copy.ToArray());
        return Results.StatusCode(created ? 201 : 200);
    }

    private IResult AcceptTargets(byte[] body)
    {
        Writes.Enqueue("POST /v1/tuf/targets");
        lock (gate)
        {
            if (Roots.Count == 0)
            {
                return Problem(400, "no root uploaded yet");
            }

            TufMetadata<TargetsMetadata> targets;
            try
            {
                targets = MetadataParser.Parse<TargetsMetadata>(body);
                var root = CurrentRoot.Signed;
                SignatureThreshold.Require(targets.Envelope, root.Role(TufRoles.Targets), root.Keys, TufRoles.Targets);
            }
            catch (TufException e)
            {
                return Problem(422, e.Message);
            }

            var current = Targets.Count == 0 ? 0 : Targets.Keys.Max();
            var version = targets.Signed.Version;
            if (version <= current)
            {
                return Problem(409, version == current ? $"targets version {version} reuses a version" : $"targets version {version} lowers it (current {current})");
            }

            foreach (var (path, file) in targets.Signed.Targets)
            {
                if (!Blobs.TryGetValue(file.Hashes["sha256"], out var blob) || blob.Length != file.Length)
                {
                    return Problem(400, $"target {path} has no blob with that length and sha256");
                }
            }

            Targets[version] = body;
            PublishSnapshotAndTimestamp(version);
            return Results.StatusCode(201);
        }
    }

    private void PublishSnapshotAndTimestamp(long targetsVersion)
    {
        var snapshotVersion = Snapshots.Count + 1L;
        var snapshot = new SnapshotMetadata(TufSigned.CurrentSpecVersion, snapshotVersion, StubData.Now.AddDays(7),
            new Dictionary<string, MetaFile> { ["targets.json"] = new(targetsVersion) });
        var snapshotBytes = MetadataSigner.Sign(snapshot, [SnapshotKey]);
        Snapshots[snapshotVersion] = snapshotBytes;
        var meta = new MetaFile(snapshotVersion, snapshotBytes.Length,
            new Dictionary<string, string> { ["sha256"] = Convert.ToHexStringLower(SHA256.HashData(snapshotBytes)) });
        Timestamp = MetadataSigner.Sign(new TimestampMetadata(TufSigned.CurrentSpecVersion, snapshotVersion, StubData.Now.AddDays(1), meta), [TimestampKey]);
    }

    private byte[]? Metadata(string file)
    {
        lock (gate)
        {
            if (file == "root.json")
            {
                return Roots.Count == 0 ? null : Roots[^1];
            }

            if (file == "timestamp.json")
            {
                return Timestamp;
            }

            var parts = file.Split('.');
            if (parts.Length != 3 || !long.TryParse(parts[0], out var version))
            {
                return null;
            }

            return parts[1] switch
            {
                "root" => version >= 1 && version <= Roots.Count ? Roots[(int)version - 1] : null,
                "snapshot" => Snapshots.GetValueOrDefault(version),
                "targets" => Targets.GetValueOrDefault(version),
                _ => null,
            };
        }
    }

    private JsonArray Releases()
    {
        var list = new JsonArray();
        byte[] current;
        lock (gate)
        {
            if (Targets.Count == 0)
            {
                return list;
            }

            current = Targets[Targets.Keys.Max()];
        }

        var targets = MetadataParser.Parse<TargetsMetadata>(current).Signed;
        var groups = targets.Targets
            .Where(t => t.Value.Custom is { } c && c.GetProperty("kind").GetString() != "manifest")
            .GroupBy(t => (Release: t.Value.Custom!.Value.GetProperty("release").GetString()!, Version: t.Value.Custom!.Value.GetProperty("version").GetString()!));
        foreach (var group in groups)
        {
            var artifacts = new JsonArray();
            foreach (var (path, file) in group)
            {
                artifacts.Add((JsonNode)new JsonObject
                {
                    ["name"] = path[(path.LastIndexOf('/') + 1)..],
                    ["kind"] = file.Custom!.Value.GetProperty("kind").GetString(),
                    ["length"] = file.Length,
                    ["sha256"] = file.Hashes["sha256"],
                });
            }

            list.Add((JsonNode)new JsonObject
            {
                ["name"] = group.Key.Release,
                ["version"] = group.Key.Version,
                ["deviceClass"] = group.First().Value.Custom!.Value.GetProperty("deviceClass").GetString(),
                ["artifacts"] = artifacts,
                ["targetsVersion"] = targets.Version,
            });
        }

        return list;
    }

    private static async Task<byte[]> ReadAllAsync(HttpRequest request)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer);
        return buffer.ToArray();
    }

    private static IResult Problem(int status, string detail) => Results.Text(
        new JsonObject { ["type"] = "about:blank", ["title"] = "Refused", ["status"] = status, ["detail"] = detail }.ToJsonString(),
        "application/problem+json",
        statusCode: status);
}
