namespace Outpost.Sim;

/// <summary>The fleet could not be set up (CA not pinned, enrollment refused); the message says why in one line.</summary>
public sealed class SimFleetException : Exception
{
    /// <summary>Needed by the analyzers; use the message constructor.</summary>
    public SimFleetException()
    {
    }

    /// <summary>With a one-line reason.</summary>
    public SimFleetException(string message)
        : base(message)
    {
    }

    /// <summary>With the exception behind it.</summary>
    public SimFleetException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
