namespace Outpost.Agent.Sync;

/// <summary>Outcome of one call to the device API; <see cref="Detail"/> is the server's problem detail or the local error.</summary>
internal sealed record DeviceCallResult<T>(DeviceCallStatus Status, T? Value, string? Detail)
    where T : class
{
    public static DeviceCallResult<T> Ok(T value) => new(DeviceCallStatus.Ok, value, null);

    public static DeviceCallResult<T> Fail(DeviceCallStatus status, string detail) => new(status, null, detail);
}
