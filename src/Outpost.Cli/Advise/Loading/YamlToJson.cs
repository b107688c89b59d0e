using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Outpost.Cli.Advise.Loading;

/// <summary>
/// Turns a YAML document into a JSON tree so the workload is bound by the same source-generated
/// System.Text.Json contract as the JSON Schema describes, and remembers the YAML line of every
/// path so binding errors can point at the line the user must fix.
/// </summary>
internal static class YamlToJson
{
    public static JsonNode? Convert(string yaml, string fileLabel, Dictionary<string, int> lines)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException ex)
        {
            var reason = ex.InnerException?.Message ?? ex.Message;
            throw new AdviseInputException(
                fileLabel,
                $"YAML syntax error at line {ex.Start.Line}, column {ex.Start.Column}: {Trim(reason)}");
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner throws this (without a position) on some malformed flow collections.
            throw new AdviseInputException(fileLabel, $"YAML syntax error after line {LastGoodLine(yaml)}: malformed flow collection or scalar");
        }

        if (stream.Documents.Count == 0)
        {
            throw new AdviseInputException(fileLabel, "the file is empty");
        }

        return ToNode(stream.Documents[0].RootNode, string.Empty, lines);
    }

    private static JsonNode? ToNode(YamlNode node, string path, Dictionary<string, int> lines)
    {
        lines[path] = (int)node.Start.Line;
        switch (node)
        {
            case YamlMappingNode map:
                var obj = new JsonObject();
                foreach (var (keyNode, valueNode) in map.Children)
                {
                    var key = ((YamlScalarNode)keyNode).Value ?? string.Empty;
                    var childPath = path.Length == 0 ? key : $"{path}.{key}";
                    if (obj.ContainsKey(key))
                    {
                        throw new AdviseInputException(childPath, $"duplicate key (line {keyNode.Start.Line})");
                    }

                    obj[key] = ToNode(valueNode, childPath, lines);
                }

                return obj;
            case YamlSequenceNode seq:
                var array = new JsonArray();
                for (var i = 0; i < seq.Children.Count; i++)
                {
                    array.Add(ToNode(seq.Children[i], $"{path}[{i}]", lines));
                }

                return array;
            case YamlScalarNode scalar:
                return Scalar(scalar);
            default:
                throw new AdviseInputException(path, $"unsupported YAML node (line {node.Start.Line})");
        }
    }

    // Plain (unquoted) scalars follow the YAML core schema: null, booleans and numbers; quoted ones stay strings.
    private static JsonValue? Scalar(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? string.Empty;
        if (scalar.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted or ScalarStyle.Literal or ScalarStyle.Folded)
        {
            return JsonValue.Create(text);
        }

        switch (text)
        {
            case "" or "~" or "null" or "Null" or "NULL":
                return null;
            case "true" or "True" or "TRUE":
                return JsonValue.Create(true);
            case "false" or "False" or "FALSE":
                return JsonValue.Create(false);
        }

        if (long.TryParse(text, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var l))
        {
            return JsonValue.Create(l);
        }

        if (double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var d)
            && double.IsFinite(d))
        {
            return JsonValue.Create(d);
        }

        return JsonValue.Create(text);
    }

    private static long LastGoodLine(string yaml)
    {
        var scanner = new Scanner(new StringReader(yaml));
        long line = 1;
        try
        {
            while (scanner.MoveNext())
            {
                line = scanner.Current?.End.Line ?? line;
            }
        }
        catch (Exception ex) when (ex is YamlException or InvalidOperationException)
        {
            // Stop at the token that broke the scanner: the line before it is the last one read cleanly.
        }

        return line;
    }

    private static string Trim(string message) => message.Replace(Environment.NewLine, " ", StringComparison.Ordinal).TrimEnd('.');
}
