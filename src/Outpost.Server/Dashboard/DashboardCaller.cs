using Outpost.Protocol.Admin;

namespace Outpost.Server.Dashboard;

/// <summary>
/// Request feature: who this dashboard request acts as. Pages read the role to hide what it cannot do (the server
/// refuses it anyway). Public because Razor components are always public, and so must their parameter types be:
/// pages take only this and the public protocol views, never store records.
/// </summary>
public sealed record DashboardCaller(string Name, AdminRole Role, string Csrf)
{
    public bool CanOperate => Role >= AdminRole.Operator;

    internal string SessionIdHash { get; init; } = "";

    internal string TokenId { get; init; } = "";
}
