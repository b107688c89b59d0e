using System.Globalization;
using Microsoft.Extensions.Primitives;
using Outpost.Protocol.Admin;
using Outpost.Server.Storage;

namespace Outpost.Server.Devices;

/// <summary>
/// The query parameters of a device list — <c>site</c>, <c>tag</c>, <c>status</c>, <c>release</c>, <c>q</c>, <c>limit</c>,
/// <c>offset</c> — read the same way by the admin API (<c>GET /v1/devices</c>) and the dashboard's device table; only the
/// page size bounds differ.
/// </summary>
internal static class DeviceListParameters
{
    /// <summary>Longer than any site, tag, release or id the server accepts; a longer filter can only be a mistake.</summary>
    public const int MaxFilterLength = 200;

    private static readonly string[] TextFilters = ["site", "tag", "release", "q"];

    public static DeviceQuery? Parse(
        IQueryCollection query, DateTimeOffset onlineSince, int defaultLimit, int maxLimit, out FieldError? error)
    {
        error = null;
        if (!TryInt(query["limit"], defaultLimit, 1, maxLimit, out var limit))
        {
            error = new("limit", $"limit must be an integer between 1 and {maxLimit}.");
            return null;
        }

        if (!TryInt(query["offset"], 0, 0, int.MaxValue, out var offset))
        {
            error = new("offset", "offset must be a non-negative integer.");
            return null;
        }

        DeviceStatus? status = null;
        if (query["status"].ToString() is { Length: > 0 } text)
        {
            if (!Enum.TryParse<DeviceStatus>(text, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed) || !char.IsLetter(text[0]))
            {
                error = new("status", "status must be online, offline or revoked.");
                return null;
            }

            status = parsed;
        }

        foreach (var name in TextFilters)
        {
            var value = query[name].ToString();
            if (value.Length > MaxFilterLength || value.Any(char.IsControl))
            {
                error = new(name, $"{name} must be at most {MaxFilterLength} characters without control characters.");
                return null;
            }
        }

        return new DeviceQuery
        {
            Site = Text(query["site"]), Tag = Text(query["tag"]), Status = status, Release = Text(query["release"]),
            Search = Text(query["q"]), OnlineSince = onlineSince, Limit = limit, Offset = offset,
        };
    }

    private static string? Text(StringValues value) => value.ToString().Trim() is { Length: > 0 } text ? text : null;

    private static bool TryInt(StringValues value, int fallback, int min, int max, out int result)
    {
        if (value.Count == 0 || string.IsNullOrEmpty(value[0]))
        {
            result = fallback;
            return true;
        }

        return int.TryParse(value[0], NumberStyles.None, CultureInfo.InvariantCulture, out result) && result >= min && result <= max;
    }
}
