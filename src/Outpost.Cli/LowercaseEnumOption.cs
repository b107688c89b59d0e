using System.CommandLine;
using System.CommandLine.Parsing;

namespace Outpost.Cli;

/// <summary>
/// An enum option spelled the way the API spells it (online, operator) with an error that lists the choices;
/// the default enum parser names the CLR type instead.
/// </summary>
internal static class LowercaseEnumOption
{
    public static Option<T?> Optional<T>(string name, string description)
        where T : struct, Enum =>
        Lowercase<T, T?>(new Option<T?>(name) { Description = description, CustomParser = r => Parse<T>(r, name) });

    public static Option<T> Required<T>(string name, string description)
        where T : struct, Enum =>
        Lowercase<T, T>(new Option<T>(name) { Description = description, Required = true, CustomParser = r => Parse<T>(r, name) ?? default });

    private static Option<TValue> Lowercase<T, TValue>(Option<TValue> option)
        where T : struct, Enum
    {
        option.HelpName = string.Join('|', Choices<T>());
        option.CompletionSources.Clear();
        option.CompletionSources.Add(Choices<T>());
        return option;
    }

    private static T? Parse<T>(ArgumentResult result, string name)
        where T : struct, Enum
    {
        var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
        // Numeric strings parse as enums too; an operator typing "2" for a role must not get admin silently.
        if (!int.TryParse(text, out _) && Enum.TryParse<T>(text, ignoreCase: true, out var value) && Enum.IsDefined(value))
        {
            return value;
        }

        result.AddError($"invalid value '{text}' for {name}: use one of {string.Join(", ", Choices<T>())}");
        return null;
    }

    private static string[] Choices<T>()
        where T : struct, Enum => [.. Enum.GetNames<T>().Select(n => n.ToLowerInvariant())];
}
