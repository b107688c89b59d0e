using Outpost.Protocol.Releases;
using System.Text.Json;
using Outpost.Cli.Api;
using Outpost.Cli.Releases;
using Outpost.Trust.Tuf;
using Outpost.Trust.Tuf.Keys;

namespace Outpost.Cli.Keys;

/// <summary>The server's online snapshot and timestamp public keys, which the offline root must list for those roles.</summary>
internal sealed record OnlineKeys(TufKey Snapshot, TufKey Timestamp)
{
    public static async Task<OnlineKeys> FetchAsync(AdminApiClient client, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(client);
        var body = await client.SendForBytesAsync(HttpMethod.Get, TufApiRoutes.OnlineKeys, null, ct);
        try
        {
            using var document = JsonDocument.Parse(body);
            return new OnlineKeys(Key(document.RootElement, TufRoles.Snapshot), Key(document.RootElement, TufRoles.Timestamp));
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or KeyNotFoundException)
        {
            throw new CliException($"unexpected answer from {TufApiRoutes.OnlineKeys}: {e.Message}", ExitCodes.Failure, e);
        }
    }

    private static TufKey Key(JsonElement root, string role)
    {
        var key = root.GetProperty(role);
        return new TufKey(
            key.GetProperty("keytype").GetString()!,
            key.GetProperty("scheme").GetString()!,
            key.GetProperty("keyval").GetProperty("public").GetString()!);
    }
}
