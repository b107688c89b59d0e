namespace Outpost.Cli.Config;

/// <summary>The admin API base URL in one canonical form: absolute http(s), no trailing slash, no query.</summary>
internal static class ServerUrl
{
    public static string Normalize(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var trimmed = value.Trim();
        if (!Uri.TryCreate(trimmed, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            || !string.IsNullOrEmpty(uri.Query)
            || !string.IsNullOrEmpty(uri.Fragment))
        {
            throw new CliException(
                $"invalid server URL '{value}': expected http://host:port or https://host:port",
                ExitCodes.Usage);
        }

        // Keep a path prefix (a reverse proxy may mount the API under one); routes are appended to it.
        return uri.GetLeftPart(UriPartial.Path).TrimEnd('/');
    }
}
