using System.Text.RegularExpressions;

namespace Outpost.Agent.LocalApi;

/// <summary>
/// The server's ingest rules (WAVE2 contract), checked at the door so nothing the server would refuse enters the
/// outbox. Each check returns the offending field (relative JSON path) and why, or null.
/// </summary>
internal static partial class TelemetryValidation
{
    public const int MaxNameLength = 128;
    public const int MaxMessageBytes = 8 * 1024;
    public const int MaxAttributes = 16;
    public const int MaxAttributeValueLength = 256;

    public static readonly string[] Levels = ["trace", "debug", "info", "warning", "error", "critical"];

    public static (string Field, string Reason)? Name(string? name, string field, bool metric)
    {
        if (string.IsNullOrEmpty(name) || name.Length > MaxNameLength)
        {
            return (field, $"must be 1-{MaxNameLength} characters");
        }

        return metric && !Identifier().IsMatch(name) ? (field, "must match ^[a-zA-Z_][a-zA-Z0-9_]*$") : null;
    }

    public static (string Field, string Reason)? Level(string? level, string field) =>
        level is null || Array.IndexOf(Levels, level.ToLowerInvariant()) >= 0 ? null : (field, $"must be one of {string.Join(", ", Levels)}");

    public static (string Field, string Reason)? Message(string? message, string field) =>
        message is not null && System.Text.Encoding.UTF8.GetByteCount(message) > MaxMessageBytes ? (field, "must be at most 8 KiB") : null;

    public static (string Field, string Reason)? Attributes(Dictionary<string, string>? attributes, string field)
    {
        if (attributes is null)
        {
            return null;
        }

        if (attributes.Count > MaxAttributes)
        {
            return (field, $"at most {MaxAttributes} attributes");
        }

        foreach (var (key, value) in attributes)
        {
            if (!Identifier().IsMatch(key))
            {
                return ($"{field}.{key}", "attribute keys must match ^[a-zA-Z_][a-zA-Z0-9_]*$");
            }

            if (value is null || value.Length > MaxAttributeValueLength)
            {
                return ($"{field}.{key}", $"attribute values must be strings of at most {MaxAttributeValueLength} characters");
            }
        }

        return null;
    }

    [GeneratedRegex("^[a-zA-Z_][a-zA-Z0-9_]*$", RegexOptions.CultureInvariant)]
    private static partial Regex Identifier();
}
