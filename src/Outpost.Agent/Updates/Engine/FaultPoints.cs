namespace Outpost.Agent.Updates.Engine;

/// <summary>
/// Named points between the durable effects of the engine (each rename, each journal write). Production passes
/// <see cref="None"/>; tests throw at the N-th point to play a crash there, then start a fresh engine on the folder.
/// </summary>
internal sealed class FaultPoints(Action<string>? hit = null)
{
    public static FaultPoints None { get; } = new();

    public void Hit(string point) => hit?.Invoke(point);
}
