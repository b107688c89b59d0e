using Outpost.Trust.Tuf.Keys;
using Outpost.Trust.Tuf.Metadata;

namespace Outpost.Trust.Tuf.Client;

/// <summary>Finds the keys that may sign a targets role: root's for "targets", the delegator's for a delegated role.</summary>
internal static class DelegationKeys
{
    public static (IReadOnlyDictionary<string, TufKey> Keys, RoleKeys Role) For(TrustedMetadataSet set, string role, string delegator)
    {
        if (delegator == TufRoles.Root)
        {
            if (role != TufRoles.Targets)
            {
                throw new TufException(role, TufFailure.WrongType, "root delegates only the top-level targets role");
            }

            return (set.Root.Signed.Keys, set.Root.Signed.Role(TufRoles.Targets));
        }

        var parent = set.GetTargets(delegator)
            ?? throw new TufException(role, TufFailure.MissingMetadata, $"delegator '{delegator}' is not trusted yet");
        var delegations = parent.Signed.Delegations;
        var delegated = delegations?.Roles.FirstOrDefault(r => r.Name == role)
            ?? throw new TufException(role, TufFailure.WrongType, $"'{delegator}' does not delegate to '{role}'");
        return (delegations!.Keys, delegated.Keys);
    }
}
