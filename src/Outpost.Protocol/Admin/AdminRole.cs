namespace Outpost.Protocol.Admin;

/// <summary>Roles of admin tokens, in increasing privilege: each role may do what the ones before it may.</summary>
public enum AdminRole
{
    Viewer = 0,
    Operator = 1,
    Admin = 2,
}
