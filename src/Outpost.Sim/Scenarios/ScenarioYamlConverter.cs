using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;

namespace Outpost.Sim.Scenarios;

/// <summary>Durations (<see cref="SimDuration"/>) and offline modes written the way docs/sim.md shows them.</summary>
internal sealed class ScenarioYamlConverter : IYamlTypeConverter
{
    public bool Accepts(Type type) =>
        type == typeof(TimeSpan) || type == typeof(TimeSpan?) || type == typeof(SimOfflineMode);

    public object? ReadYaml(IParser parser, Type type, ObjectDeserializer rootDeserializer)
    {
        var scalar = parser.Consume<Scalar>();
        if (type == typeof(SimOfflineMode))
        {
            return scalar.Value.Replace("-", "", StringComparison.Ordinal).ToUpperInvariant() switch
            {
                "PARTITION" => SimOfflineMode.Partition,
                "POWEROFF" or "POWER" => SimOfflineMode.PowerOff,
                _ => throw new YamlException(scalar.Start, scalar.End, $"'{scalar.Value}' is not an offline mode (partition, power-off)"),
            };
        }

        return SimDuration.TryParse(scalar.Value, out var duration)
            ? duration
            : throw new YamlException(scalar.Start, scalar.End, $"'{scalar.Value}' is not a duration (examples: 250ms, 30s, 5m, 2h)");
    }

    public void WriteYaml(IEmitter emitter, object? value, Type type, ObjectSerializer serializer) =>
        throw new NotSupportedException("scenarios are only read");
}
