using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Outpost.Protocol;
using Outpost.Protocol.Admin;

namespace Outpost.Cli.Tests;

/// <summary>
/// A minimal admin API on 127.0.0.1 (port 0) that speaks the agreed contract with canned records, checks bearer
/// tokens and roles like the real server, answers errors as problem+json, and records every request.
/// </summary>
internal sealed class StubAdminApi : IAsyncDisposable
{
    public const string AdminToken = "admin-secret";
    public const string OperatorToken = "operator-secret";
    public const string ViewerToken = "viewer-secret";

    private readonly WebApplication app;

    private StubAdminApi(WebApplication app, string name)
    {
        this.app = app;
        Name = name;
    }

    /// <summary>Shows up in whoami answers, so precedence tests can tell stubs apart.</summary>
    public string Name { get; }

    public string Url { get; private set; } = "";

    public ConcurrentDictionary<string, AdminTokenView> Identities { get; } = new()
    {
        [AdminToken] = Identity("tok-admin", "alice", AdminRole.Admin),
        [OperatorToken] = Identity("tok-op", "olga", AdminRole.Operator),
        [ViewerToken] = Identity("tok-view", "victor", AdminRole.Viewer),
    };

    public List<DeviceView> Devices { get; } = [.. StubData.Devices()];

    public List<EnrollmentTokenView> EnrollmentTokens { get; } = [.. StubData.EnrollmentTokens()];

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    /// <summary>When set, every request waits until the client gives up (for timeout tests).</summary>
    public bool Hang { get; set; }

    /// <summary>When set, every answer sends its headers and then stalls before the body.</summary>
    public bool StallBody { get; set; }

    /// <summary>Devices the list reports beyond those it returns, as if they were on later pages.</summary>
    public int DevicesOnOtherPages { get; set; } = 40;

    public static async Task<StubAdminApi> StartAsync(string name = "stub", X509Certificate2? tlsCertificate = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0, listen =>
        {
            if (tlsCertificate is not null)
            {
                listen.UseHttps(tlsCertificate);
            }
        }));
        var app = builder.Build();
        var stub = new StubAdminApi(app, name);
        stub.Map();
        await app.StartAsync();
        stub.Url = app.Urls.Single();
        return stub;
    }

    public RecordedRequest LastRequest => Requests.Last();

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private static AdminTokenView Identity(string id, string name, AdminRole role) =>
        new() { Id = id, Name = name, Role = role, CreatedAt = StubData.Now.AddDays(-10) };

    private void Map()
    {
        app.Use(async (context, next) =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync();
            Requests.Enqueue(new RecordedRequest(
                context.Request.Method,
                context.Request.Path + context.Request.QueryString,
                context.Request.Headers.Authorization.ToString(),
                body));
            context.Items["body"] = body;
            if (Hang)
            {
                await Task.Delay(Timeout.Infinite, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
                return;
            }

            if (StallBody)
            {
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync("{\"items\":[");
                await context.Response.Body.FlushAsync();
                await Task.Delay(Timeout.Infinite, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
                return;
            }

            var auth = context.Request.Headers.Authorization.ToString();
            if (!auth.StartsWith("Bearer ", StringComparison.Ordinal) || !Identities.TryGetValue(auth["Bearer ".Length..], out var who))
            {
                await Problem(401, "Unauthorized", "missing or unknown admin token").ExecuteAsync(context);
                return;
            }

            context.Items["who"] = who;
            await next(context);
        });

        app.MapGet(AdminApiRoutes.WhoAmI, (HttpContext c) => Json((AdminTokenView)c.Items["who"]!, J.AdminTokenView));
        app.MapGet(AdminApiRoutes.Devices, () => Json(new DeviceList { Items = [.. Devices.Select(d => d with { System = null })], Total = Devices.Count + DevicesOnOtherPages }, J.DeviceList));
        app.MapGet(AdminApiRoutes.Devices + "/{id}", (string id) => id switch
        {
            // Not the contract: what a proxy in front of a dead server, or a crashing server, would answer.
            "proxy-down" => Results.Text("<html><body>502 Bad Gateway</body></html>", "text/html", statusCode: 502),
            "crash" => Problem(500, "An error occurred while processing your request.", null),
            _ => Devices.Find(d => d.Id == id) is { } d ? Json(d, J.DeviceView) : Problem(404, "Not Found", $"device '{id}' is not enrolled"),
        });
        app.MapPost(AdminApiRoutes.Devices + "/{id}/revoke", (string id, HttpContext c) =>
        {
            if (Denied(c, AdminRole.Operator) is { } denied)
            {
                return denied;
            }

            var index = Devices.FindIndex(d => d.Id == id);
            if (index < 0)
            {
                return Problem(404, "Not Found", $"device '{id}' is not enrolled");
            }

            Devices[index] = Devices[index] with { Status = DeviceStatus.Revoked, RevokedAt = StubData.Now };
            return Json(Devices[index], J.DeviceView);
        });
        app.MapPut(AdminApiRoutes.Devices + "/{id}/desired-release", (string id, HttpContext c) =>
        {
            if (Denied(c, AdminRole.Operator) is { } denied)
            {
                return denied;
            }

            var index = Devices.FindIndex(d => d.Id == id);
            if (index < 0)
            {
                return Problem(404, "Not Found", $"device '{id}' is not enrolled");
            }

            var release = JsonSerializer.Deserialize((string)c.Items["body"]!, J.SetDesiredReleaseRequest)!.Release;
            if (release is not null && release != "app@1.0.0")
            {
                return Problem(409, "Conflict", $"release {release} is not in the current signed targets metadata");
            }

            Devices[index] = Devices[index] with { DesiredRelease = release };
            return Json(Devices[index], J.DeviceView);
        });
        app.MapPost(AdminApiRoutes.EnrollmentTokens, (HttpContext c) =>
        {
            if (Denied(c, AdminRole.Operator) is { } denied)
            {
                return denied;
            }

            var request = JsonSerializer.Deserialize((string)c.Items["body"]!, J.CreateEnrollmentTokenRequest)!;
            if (string.IsNullOrWhiteSpace(request.Site))
            {
                return Problem(400, "One or more validation errors occurred.", null, """{"site":["Site must not be empty."]}""");
            }

            var view = new EnrollmentTokenView
            {
                Id = "et-new",
                Site = request.Site,
                Tags = request.Tags,
                MaxUses = request.MaxUses,
                Uses = 0,
                CreatedAt = StubData.Now,
                ExpiresAt = StubData.Now.AddSeconds(request.ValidForSeconds),
            };
            EnrollmentTokens.Add(view);
            return Json(new CreatedEnrollmentToken { Token = "enroll-secret-123", Info = view }, J.CreatedEnrollmentToken, 201);
        });
        app.MapGet(AdminApiRoutes.EnrollmentTokens, () => Json<IReadOnlyList<EnrollmentTokenView>>([.. EnrollmentTokens], J.IReadOnlyListEnrollmentTokenView));
        app.MapDelete(AdminApiRoutes.EnrollmentTokens + "/{id}", (string id, HttpContext c) =>
        {
            if (Denied(c, AdminRole.Operator) is { } denied)
            {
                return denied;
            }

            var index = EnrollmentTokens.FindIndex(t => t.Id == id);
            if (index < 0)
            {
                return Problem(404, "Not Found", $"enrollment token '{id}' does not exist");
            }

            EnrollmentTokens[index] = EnrollmentTokens[index] with { RevokedAt = StubData.Now };
            return Json(EnrollmentTokens[index], J.EnrollmentTokenView);
        });
        app.MapPost(AdminApiRoutes.AdminTokens, (HttpContext c) =>
        {
            if (Denied(c, AdminRole.Admin) is { } denied)
            {
                return denied;
            }

            var request = JsonSerializer.Deserialize((string)c.Items["body"]!, J.CreateAdminTokenRequest)!;
            var view = Identity("tok-new", request.Name, request.Role);
            Identities["new-admin-secret"] = view;
            return Json(new CreatedAdminToken { Token = "new-admin-secret", Info = view }, J.CreatedAdminToken, 201);
        });
        app.MapGet(AdminApiRoutes.AdminTokens, (HttpContext c) =>
            Denied(c, AdminRole.Admin) ?? Json<IReadOnlyList<AdminTokenView>>([.. Identities.Values.OrderBy(v => v.Id, StringComparer.Ordinal)], J.IReadOnlyListAdminTokenView));
        app.MapDelete(AdminApiRoutes.AdminTokens + "/{id}", (string id, HttpContext c) =>
        {
            if (Denied(c, AdminRole.Admin) is { } denied)
            {
                return denied;
            }

            var entry = Identities.FirstOrDefault(p => p.Value.Id == id);
            return entry.Key is null
                ? Problem(404, "Not Found", $"admin token '{id}' does not exist")
                : Json(entry.Value with { RevokedAt = StubData.Now }, J.AdminTokenView);
        });
    }

    private static OutpostJsonContext J => OutpostJsonContext.Default;

    private static IResult? Denied(HttpContext context, AdminRole needed)
    {
        var who = (AdminTokenView)context.Items["who"]!;
        return who.Role >= needed
            ? null
            : Problem(403, "Forbidden", $"role {who.Role.ToString().ToLowerInvariant()} may not do this; {needed.ToString().ToLowerInvariant()} needed");
    }

    private static IResult Json<T>(T value, JsonTypeInfo<T> type, int status = 200) =>
        Results.Text(JsonSerializer.Serialize(value, type), "application/json", statusCode: status);

    private static IResult Problem(int status, string title, string? detail, string? errorsJson = null)
    {
        var problem = new JsonObject { ["type"] = "about:blank", ["title"] = title, ["status"] = status };
        if (detail is not null)
        {
            problem["detail"] = detail;
        }

        if (errorsJson is not null)
        {
            problem["errors"] = JsonNode.Parse(errorsJson);
        }

        return Results.Text(problem.ToJsonString(), "application/problem+json", statusCode: status);
    }
}
