using System.Text.RegularExpressions;

namespace Outpost.Server.Enrollment;

/// <summary>Sites and tags: short, printable, no quotes or spaces, so they filter and display safely everywhere.</summary>
internal static partial class Labels
{
    public const int MaxTags = 32;

    public static bool IsValid(string? value) => value is not null && Pattern().IsMatch(value);

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._:=/-]{0,63}$")]
    private static partial Regex Pattern();
}
