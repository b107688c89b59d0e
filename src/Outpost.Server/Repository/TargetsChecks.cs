using System.Globalization;
using Outpost.Trust.Tuf;
using Outpost.Trust.Tuf.Metadata;
using Outpost.Trust.Tuf.Verification;

namespace Outpost.Server.Repository;

/// <summary>What a targets push must satisfy: the offline targets keys signed it, it moves forward, and every byte it lists is here.</summary>
internal static class TargetsChecks
{
    public static Refusal? Check(
        TufMetadata<TargetsMetadata> candidate, RepositoryState state, BlobStore blobs, DateTimeOffset now)
    {
        var root = state.Root!.Signed;
        var targets = candidate.Signed;
        var signatures = Signatures(candidate, root);
        if (signatures is not null)
        {
            return signatures;
        }

        var current = state.Targets?.Signed;
        var currentVersion = current?.Version ?? 0;
        if (targets.Version <= currentVersion)
        {
            var what = targets.Version == currentVersion ? "reuses a version" : "lowers it";
            return Refusal.Conflict(Invariant($"targets version {targets.Version} {what}: the current targets version is {currentVersion}"));
        }

        if (targets.IsExpired(now))
        {
            return Refusal.Unprocessable($"targets version {targets.Version} is expired: it expired at {targets.Expires:O}");
        }

        if (targets.Delegations is not null)
        {
            return Refusal.Unprocessable("delegations are not supported by this repository: sign every target with the top-level targets keys");
        }

        foreach (var (path, file) in targets.Targets)
        {
            var refusal = CheckTarget(path, file, current, blobs);
            if (refusal is not null)
            {
                return refusal;
            }
        }

        return null;
    }

    private static Refusal? Signatures(TufMetadata<TargetsMetadata> candidate, RootMetadata root)
    {
        var role = root.Role(TufRoles.Targets);
        var valid = SignatureThreshold.CountValid(candidate.Envelope, role, root.Keys);
        if (valid >= role.Threshold)
        {
            return null;
        }

        var authorized = role.KeyIds.ToHashSet(StringComparer.Ordinal);
        var unknown = candidate.Envelope.Signatures.Select(s => s.KeyId).Where(k => !authorized.Contains(k)).Distinct().ToList();
        var byTargetsKeys = candidate.Envelope.Signatures.Select(s => s.KeyId).Where(authorized.Contains).Distinct().Count();
        var reason = Invariant($"targets signatures do not meet the threshold of root version {root.Version}: {valid} valid signature(s) from targets keys, threshold {role.Threshold}");
        if (unknown.Count > 0)
        {
            reason += $"; signed by unknown key(s) that are not targets keys of the current root: {string.Join(", ", unknown)}";
        }

        if (byTargetsKeys > valid)
        {
            reason += Invariant($"; {byTargetsKeys - valid} signature(s) by targets keys do not verify (bad signature)");
        }

        return Refusal.Unprocessable(reason);
    }

    private static Refusal? CheckTarget(string path, TargetFile file, TargetsMetadata? current, BlobStore blobs)
    {
        if (!file.Hashes.TryGetValue("sha256", out var sha256) || !BlobStore.IsSha256Hex(sha256))
        {
            return Refusal.Unprocessable($"target '{path}' needs a sha256 hash in lowercase hex: artifacts are stored by SHA-256");
        }

        if (current is not null && current.Targets.TryGetValue(path, out var existing)
            && (existing.Length != file.Length || !SameHashes(existing, file)))
        {
            return Refusal.Conflict($"target '{path}' already exists with different bytes: releases are never edited, publish a new version");
        }

        if (current is not null && !current.Targets.ContainsKey(path) && ReleasePrefix(path) is { } prefix
            && current.Targets.Keys.Any(p => p.StartsWith(prefix, StringComparison.Ordinal)))
        {
            return Refusal.Conflict($"target '{path}' adds a file to the existing release '{prefix}': releases are never edited, publish a new version");
        }

        var stored = blobs.LengthOf(sha256);
        return stored == file.Length ? null : Refusal.Unprocessable(Invariant(
            $"target '{path}' has no uploaded blob with sha256 {sha256} and length {file.Length} (PUT /v1/tuf/blobs/{sha256} first)"));
    }

    private static bool SameHashes(TargetFile a, TargetFile b) =>
        a.Hashes.Count == b.Hashes.Count && a.Hashes.All(h => b.Hashes.TryGetValue(h.Key, out var v) && v == h.Value);

    /// <summary><c>releases/NAME/VERSION/</c> of a release target path, or null for other targets.</summary>
    private static string? ReleasePrefix(string path)
    {
        var parts = path.Split('/');
        return parts.Length >= 4 && parts[0] == "releases" ? $"releases/{parts[1]}/{parts[2]}/" : null;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
