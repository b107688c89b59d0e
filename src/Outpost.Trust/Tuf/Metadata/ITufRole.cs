using System.Text.Json;

namespace Outpost.Trust.Tuf.Metadata;

/// <summary>Lets <see cref="TufMetadata{T}"/> parse any role without reflection (the agent is NativeAOT).</summary>
public interface ITufRole<out TSelf>
    where TSelf : TufSigned
{
    static abstract string TypeName { get; }

    static abstract TSelf Parse(JsonElement signedObject, string role);
}
