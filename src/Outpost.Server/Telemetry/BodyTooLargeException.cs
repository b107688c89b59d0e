namespace Outpost.Server.Telemetry;

/// <summary>The (decompressed) request body went over the limit while it was read.</summary>
internal sealed class BodyTooLargeException(long limit) : IOException($"The decompressed request body is larger than {limit} bytes.")
{
    public long Limit { get; } = limit;
}
