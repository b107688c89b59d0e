namespace Outpost.Server.Dashboard.Views;

/// <summary>One top-level TUF role of the current root: its keys, threshold, and who holds them (offline operator or this server).</summary>
public sealed record SigningRoleView(string Role, int Threshold, string Holder, IReadOnlyList<SigningKeyView> Keys);
