namespace Outpost.Trust.Tuf.Client;

/// <summary>
/// TUF 5.6.7: pre-order depth-first search of the delegation graph for a target, starting at top-level targets,
/// in delegation order, stopping at terminating delegations, skipping visited roles, bounded by a role budget.
/// </summary>
public static class TargetResolver
{
    public const int DefaultMaxRoles = 32;

    /// <param name="set">A set with trusted top-level targets.</param>
    /// <param name="targetPath">The TUF target path, e.g. "releases/1.2.0/app.tar.gz".</param>
    /// <param name="fetchRole">
    /// Returns the bytes of "{role}.json" (consistent-snapshot naming and the byte cap from snapshot are the caller's);
    /// called only for delegated roles not trusted yet. Its bytes are verified before use.
    /// </param>
    /// <param name="maxRoles">How many roles may be visited (TUF 5.6.7.1), against delegation-graph exhaustion.</param>
    /// <param name="cancellationToken">Cancels the walk between roles.</param>
    /// <returns>The match, or null when no role reached lists the target.</returns>
    /// <exception cref="TufException">A delegated role's metadata did not verify (5.6.7: the search ends).</exception>
    public static async Task<TargetMatch?> FindAsync(
        TrustedMetadataSet set,
        string targetPath,
        Func<string, CancellationToken, ValueTask<ReadOnlyMemory<byte>>> fetchRole,
        int maxRoles = DefaultMaxRoles,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(targetPath);
        ArgumentNullException.ThrowIfNull(fetchRole);
        if (set.Targets is null)
        {
            throw new TufException(TufRoles.Targets, TufFailure.MissingMetadata, "top-level targets are not trusted yet");
        }

        var stack = new Stack<(string Role, string Delegator)>();
        stack.Push((TufRoles.Targets, TufRoles.Root));
        var visited = new HashSet<string>(StringComparer.Ordinal);
        while (stack.Count > 0 && visited.Count < maxRoles)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (role, delegator) = stack.Pop();
            // TUF 5.6.7.1: skip roles already visited, so cycles in the delegation graph end.
            if (!visited.Add(role))
            {
                continue;
            }

            var metadata = set.GetTargets(role)
                ?? set.UpdateDelegatedTargets(await fetchRole(role, cancellationToken), role, delegator);
            if (metadata.Signed.Targets.TryGetValue(targetPath, out var file))
            {
                return new TargetMatch(targetPath, file, role);
            }

            // TUF 5.6.7.2: children in order of appearance; a terminating match cuts off everything after it.
            var children = new List<(string, string)>();
            foreach (var child in metadata.Signed.Delegations?.Roles ?? [])
            {
                if (!child.IsDelegatedPath(targetPath))
                {
                    continue;
                }

                children.Add((child.Name, role));
                if (child.Terminating)
                {
                    stack.Clear();
                    break;
                }
            }

            for (var i = children.Count - 1; i >= 0; i--)
            {
                stack.Push(children[i]);
            }
        }

        return null;
    }
}
