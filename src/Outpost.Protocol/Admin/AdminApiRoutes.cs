namespace Outpost.Protocol.Admin;

/// <summary>Paths of the admin API (bearer-token listener). Shared by the server and the CLI.</summary>
public static class AdminApiRoutes
{
    public const string Devices = "/v1/devices";

    public const string EnrollmentTokens = "/v1/enrollment-tokens";

    public const string AdminTokens = "/v1/admin-tokens";

    /// <summary>Who the presented token belongs to; used by <c>outpost login</c> to check a token.</summary>
    public const string WhoAmI = "/v1/whoami";

    public const string OpenApi = "/openapi/v1.json";

    public static string Device(string id) => $"{Devices}/{Uri.EscapeDataString(id)}";

    public static string RevokeDevice(string id) => $"{Device(id)}/revoke";

    public static string DesiredRelease(string id) => $"{Device(id)}/desired-release";

    public static string EnrollmentToken(string id) => $"{EnrollmentTokens}/{Uri.EscapeDataString(id)}";

    public static string AdminToken(string id) => $"{AdminTokens}/{Uri.EscapeDataString(id)}";
}
