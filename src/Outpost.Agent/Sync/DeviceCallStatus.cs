namespace Outpost.Agent.Sync;

internal enum DeviceCallStatus
{
    /// <summary>The server answered 2xx with a readable body.</summary>
    Ok,

    /// <summary>Network, TLS, timeout or 5xx: the server is (for now) unreachable; retry with backoff.</summary>
    Unavailable,

    /// <summary>403: the device was revoked. Retrying will not help until an operator acts.</summary>
    Revoked,

    /// <summary>Any other 4xx, e.g. 401 for an expired or unknown certificate.</summary>
    Refused,
}
