namespace Outpost.Protocol.Alerts;

/// <summary>An alert episode is firing until its condition stops holding; then it is resolved for good.</summary>
public enum AlertState
{
    Firing,
    Resolved,
}
