using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace Outpost.Cli;

/// <summary>
/// Integer options with a lower bound, parsed in one place: a validator reading the value of an unparsable token
/// throws inside System.CommandLine, so the bound is checked by the parser itself and reported as a usage error.
/// </summary>
internal static class BoundedIntOption
{
    public static Option<int?> Optional(string name, string description, int minimum) =>
        new(name) { Description = description, CustomParser = r => Parse(r, name, minimum) };

    public static Option<int> WithDefault(string name, string description, int minimum, int defaultValue) =>
        new(name)
        {
            Description = description,
            DefaultValueFactory = _ => defaultValue,
            CustomParser = r => Parse(r, name, minimum) ?? defaultValue,
        };

    private static int? Parse(ArgumentResult result, string name, int minimum)
    {
        var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
        if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) && value >= minimum)
        {
            return value;
        }

        result.AddError($"invalid value '{text}' for {name}: expected a whole number of at least {minimum}");
        return null;
    }
}
