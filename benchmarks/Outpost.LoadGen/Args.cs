namespace Outpost.LoadGen;

internal sealed class Args
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    public static Args Parse(string[] args)
    {
        var parsed = new Args();
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            parsed._values[args[i].TrimStart('-')] = args[i + 1];
        }

        return parsed;
    }

    public string Get(string key) =>
        _values.TryGetValue(key, out var v) ? v : throw new ArgumentException($"--{key} is required");

    public int Int(string key, int fallback) =>
        _values.TryGetValue(key, out var v) ? int.Parse(v, System.Globalization.CultureInfo.InvariantCulture) : fallback;
}
