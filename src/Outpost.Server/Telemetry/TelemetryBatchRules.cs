using System.Text.RegularExpressions;
using Outpost.Protocol.Telemetry;
using Outpost.Server.Http;

namespace Outpost.Server.Telemetry;

/// <summary>Validation of one uploaded batch: the first problem, naming its field; a bad batch stores nothing.</summary>
internal static partial class TelemetryBatchRules
{
    public static IResult? Validate(TelemetryBatch batch)
    {
        if (!Enum.IsDefined(batch.Stream))
        {
            return Problems.BadRequest("stream", "stream must be events, metrics or logs.");
        }

        if (batch.Records.Count > TelemetryLimits.MaxRecords)
        {
            return Problems.TooLarge($"A batch carries at most {TelemetryLimits.MaxRecords} records; this one has {batch.Records.Count}.");
        }

        if (batch.Drops is { } drops && (drops.Records < 0 || drops.Bytes < 0))
        {
            return Problems.BadRequest(drops.Records < 0 ? "drops.records" : "drops.bytes", "drops are cumulative counts and cannot be negative.");
        }

        long previous = 0;
        for (var i = 0; i < batch.Records.Count; i++)
        {
            var record = batch.Records[i];
            if (record is null)
            {
                return Problems.BadRequest($"records[{i}]", $"records[{i}] must be an object, not null.");
            }

            if (record.Sequence < 1 || record.Sequence <= previous)
            {
                return Problems.BadRequest($"records[{i}].sequence", record.Sequence < 1
                    ? $"records[{i}].sequence must be at least 1."
                    : $"records[{i}].sequence must be greater than the previous record's ({previous}).");
            }

            previous = record.Sequence;
            if (ValidateRecord(batch.Stream, record, $"records[{i}]") is { } problem)
            {
                return problem;
            }
        }

        return null;
    }

    private static IResult? ValidateRecord(TelemetryChannel stream, TelemetryRecord record, string at)
    {
        if (record.Name.Length is 0 or > TelemetryLimits.MaxNameLength)
        {
            return Problems.BadRequest($"{at}.name", $"{at}.name must be 1 to {TelemetryLimits.MaxNameLength} characters.");
        }

        if (stream == TelemetryChannel.Metrics)
        {
            if (!Identifier().IsMatch(record.Name))
            {
                return Problems.BadRequest($"{at}.name", $"{at}.name must match ^[a-zA-Z_][a-zA-Z0-9_]*$ for a metric.");
            }

            if (record.Value is not { } value)
            {
                return Problems.BadRequest($"{at}.value", $"{at}.value is required on the metrics stream.");
            }

            if (value.Count < 1 || value.WindowSeconds < 0 || !double.IsFinite(value.WindowSeconds))
            {
                return Problems.BadRequest($"{at}.value", $"{at}.value needs count >= 1 and windowSeconds >= 0.");
            }

            // JSON cannot carry NaN, but a literal like 1e400 parses as infinity, which no mean or rollup survives.
            if (!double.IsFinite(value.Min) || !double.IsFinite(value.Max) || !double.IsFinite(value.Mean) || value.P95 is { } p95 && !double.IsFinite(p95))
            {
                return Problems.BadRequest($"{at}.value", $"{at}.value must hold finite numbers.");
            }
        }

        if (record.Level is { Length: > TelemetryLimits.MaxLevelLength })
        {
            return Problems.BadRequest($"{at}.level", $"{at}.level must be at most {TelemetryLimits.MaxLevelLength} characters.");
        }

        if (record.Message is { Length: > TelemetryLimits.MaxMessageLength })
        {
            return Problems.BadRequest($"{at}.message", $"{at}.message must be at most {TelemetryLimits.MaxMessageLength} characters.");
        }

        return ValidateAttributes(record.Attributes, $"{at}.attributes");
    }

    private static IResult? ValidateAttributes(IReadOnlyDictionary<string, string>? attributes, string at)
    {
        if (attributes is null)
        {
            return null;
        }

        if (attributes.Count > TelemetryLimits.MaxAttributes)
        {
            return Problems.BadRequest(at, $"{at} holds at most {TelemetryLimits.MaxAttributes} entries.");
        }

        foreach (var (key, value) in attributes)
        {
            if (key.Length > TelemetryLimits.MaxNameLength || !Identifier().IsMatch(key))
            {
                return Problems.BadRequest(at, $"attribute keys in {at} must match ^[a-zA-Z_][a-zA-Z0-9_]*$ (at most {TelemetryLimits.MaxNameLength} characters).");
            }

            if (value is null || value.Length > TelemetryLimits.MaxAttributeValueLength)
            {
                return Problems.BadRequest($"{at}.{key}", $"attribute values must be strings of at most {TelemetryLimits.MaxAttributeValueLength} characters.");
            }
        }

        return null;
    }

    [GeneratedRegex("^[a-zA-Z_][a-zA-Z0-9_]*$", RegexOptions.CultureInvariant)]
    private static partial Regex Identifier();
}
