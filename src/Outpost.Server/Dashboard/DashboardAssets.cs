using System.Collections.Frozen;
using System.Reflection;
using System.Security.Cryptography;
using Microsoft.Net.Http.Headers;

namespace Outpost.Server.Dashboard;

/// <summary>
/// The dashboard's stylesheet and script, embedded in the server (sites are often offline: nothing comes from a CDN).
/// Links carry a content hash (<c>?v=</c>), so a new server version is never hidden behind a cached old file.
/// </summary>
internal static class DashboardAssets
{
    private static readonly FrozenDictionary<string, Asset> Files = Load();

    public static string Version(string file) => Files.TryGetValue(file, out var asset) ? asset.Hash : "missing";

    public static void MapDashboardAssets(this IEndpointRouteBuilder dashboard) =>
        dashboard.MapGet(DashboardRoutes.Assets + "/{file}", (string file, HttpContext http) =>
        {
            if (!Files.TryGetValue(file, out var asset))
            {
                return Results.NotFound();
            }

            var etag = new EntityTagHeaderValue($"\"{asset.Hash}\"");
            http.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
            return Results.Bytes(asset.Content, asset.ContentType, entityTag: etag);
        }).ExcludeFromDescription();

    private static FrozenDictionary<string, Asset> Load()
    {
        var assembly = Assembly.GetExecutingAssembly();
        const string prefix = "DashboardAssets/";
        var files = new Dictionary<string, Asset>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var memory = new MemoryStream();
            stream.CopyTo(memory);
            var content = memory.ToArray();
            var file = name[prefix.Length..];
            var type = Path.GetExtension(file) switch
            {
                ".css" => "text/css; charset=utf-8",
                ".js" => "text/javascript; charset=utf-8",
                ".svg" => "image/svg+xml",
                _ => "application/octet-stream",
            };
            files[file] = new Asset(content, type, Convert.ToHexStringLower(SHA256.HashData(content))[..16]);
        }

        return files.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private sealed record Asset(byte[] Content, string ContentType, string Hash);
}
