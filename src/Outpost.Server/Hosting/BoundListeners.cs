using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Outpost.Server.Hosting;

/// <summary>The two Kestrel endpoints; after start their IPEndPoint carries the port actually bound (also for port 0).</summary>
internal sealed class BoundListeners
{
    public ListenOptions? Device { get; set; }

    public ListenAddress? DeviceAddress { get; set; }

    public ListenOptions? Admin { get; set; }

    public ListenAddress? AdminAddress { get; set; }

    public string DeviceUrl => DeviceAddress!.Format(Device!.IPEndPoint!.Port);

    public string AdminUrl => AdminAddress!.Format(Admin!.IPEndPoint!.Port);
}
