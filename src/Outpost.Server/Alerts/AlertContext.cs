namespace Outpost.Server.Alerts;

/// <summary>What one evaluation round sees: its time and every non-revoked device, read once for all rules.</summary>
internal sealed record AlertContext(DateTimeOffset Now, IReadOnlyList<AlertDevice> Devices);
