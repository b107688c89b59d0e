namespace Outpost.Sim.Scenarios;

/// <summary>A scenario file or flag combination the simulator cannot run; the message names the field.</summary>
public sealed class SimScenarioException : Exception
{
    /// <summary>Needed by the analyzers; use the message constructor.</summary>
    public SimScenarioException()
    {
    }

    /// <summary>With a one-line reason that names the field.</summary>
    public SimScenarioException(string message)
        : base(message)
    {
    }

    /// <summary>With the exception that made the scenario unreadable.</summary>
    public SimScenarioException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
