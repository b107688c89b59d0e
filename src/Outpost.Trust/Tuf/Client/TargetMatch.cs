using Outpost.Trust.Tuf.Metadata;

namespace Outpost.Trust.Tuf.Client;

/// <summary>A target found in trusted metadata, and the role whose signed metadata listed it.</summary>
public sealed record TargetMatch(string Path, TargetFile File, string Role);
