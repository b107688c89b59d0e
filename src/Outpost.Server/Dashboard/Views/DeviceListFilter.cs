using System.Globalization;

namespace Outpost.Server.Dashboard.Views;

/// <summary>The device table's filter form as the operator sent it; the pager's links keep every filter.</summary>
public sealed record DeviceListFilter
{
    public string? Q { get; init; }

    public string? Site { get; init; }

    public string? Tag { get; init; }

    public string? Status { get; init; }

    public string? Release { get; init; }

    public int Limit { get; init; } = 50;

    public int Offset { get; init; }

    /// <summary>The device list's URL with these filters at another offset (the default limit is left out).</summary>
    public string Link(int offset)
    {
        var parts = new List<string>();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                parts.Add($"{name}={Uri.EscapeDataString(value)}");
            }
        }

        Add("q", Q);
        Add("site", Site);
        Add("tag", Tag);
        Add("status", Status);
        Add("release", Release);
        Add("limit", Limit == 50 ? null : Limit.ToString(CultureInfo.InvariantCulture));
        Add("offset", offset == 0 ? null : offset.ToString(CultureInfo.InvariantCulture));
        return DashboardRoutes.Devices + (parts.Count == 0 ? "" : "?" + string.Join('&', parts));
    }
}
