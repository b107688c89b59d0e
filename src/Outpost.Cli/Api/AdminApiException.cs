namespace Outpost.Cli.Api;

/// <summary>The admin API answered with an error status; <see cref="Exception.Message"/> is the one-line reason.</summary>
internal sealed class AdminApiException : Exception
{
    public AdminApiException()
    {
    }

    public AdminApiException(string message)
        : base(message)
    {
    }

    public AdminApiException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public AdminApiException(int statusCode, string message)
        : base(message) => StatusCode = statusCode;

    public int StatusCode { get; }

    /// <summary>401/403 → 3, 404 → 4, anything else → 1.</summary>
    public int ExitCode => StatusCode switch
    {
        401 or 403 => ExitCodes.AuthRefused,
        404 => ExitCodes.NotFound,
        _ => ExitCodes.Failure,
    };
}
