namespace Outpost.Trust.Tuf;

/// <summary>Why a piece of TUF metadata or a target file was refused.</summary>
public enum TufFailure
{
    /// <summary>Not valid JSON, not canonicalizable, or a required field is missing or of the wrong type.</summary>
    Format,

    /// <summary>Metadata of another role than expected (<c>_type</c>), or a role the delegator does not know.</summary>
    WrongType,

    /// <summary><c>spec_version</c> with a major version this client does not implement.</summary>
    UnsupportedSpecVersion,

    /// <summary>Fewer distinct authorized keys signed than the role's threshold.</summary>
    ThresholdNotMet,

    /// <summary>A version lower than the trusted one, or a role removed from snapshot metadata.</summary>
    Rollback,

    /// <summary>The same version as the trusted one: nothing new, not an attack (TUF 5.3.5, 5.4.3.1).</summary>
    EqualVersion,

    /// <summary>A version other than the one the referring metadata names (root: not exactly N+1).</summary>
    VersionMismatch,

    /// <summary>Expired relative to the update's fixed start time (freeze attack).</summary>
    Expired,

    /// <summary>Length differs from the one the referring metadata names.</summary>
    LengthMismatch,

    /// <summary>A hash differs from, or cannot be computed for, the ones the referring metadata names.</summary>
    HashMismatch,

    /// <summary>Metadata the step depends on is not trusted yet, or the referring metadata does not list it.</summary>
    MissingMetadata,

    /// <summary>
    /// A persisted timestamp or snapshot offered after root rotated the timestamp or snapshot keys: it must be
    /// deleted, not trusted, to recover from a fast-forward attack (TUF 5.3.11).
    /// </summary>
    KeysRotated,

    /// <summary>No trusted targets metadata lists the requested target.</summary>
    TargetNotFound,
}
