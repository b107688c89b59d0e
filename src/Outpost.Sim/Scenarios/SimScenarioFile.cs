using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Outpost.Sim.Scenarios;

/// <summary>Reads a scenario file (YAML, or JSON, which is YAML too) and checks it before anything runs.</summary>
public static class SimScenarioFile
{
    private static readonly IDeserializer Deserializer = new DeserializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .WithTypeConverter(new ScenarioYamlConverter())
        .Build();

    /// <summary>The scenario in <paramref name="text"/>, validated; a <see cref="SimScenarioException"/> names what is wrong.</summary>
    public static SimScenario Parse(string text, string label)
    {
        SimScenario? scenario;
        try
        {
            scenario = Deserializer.Deserialize<SimScenario>(text);
        }
        catch (YamlException ex)
        {
            var reason = (ex.InnerException?.Message ?? ex.Message).ReplaceLineEndings(" ");
            throw new SimScenarioException($"{label}: line {ex.Start.Line}, column {ex.Start.Column}: {reason}", ex);
        }

        if (scenario is null)
        {
            throw new SimScenarioException($"{label}: the file is empty");
        }

        SimScenarioValidator.Validate(scenario);
        return scenario;
    }
}
