using Outpost.Trust.Tuf.Client;
using Outpost.Trust.Tuf.Verification;
using Outpost.Trust.Tuf;

namespace Outpost.Agent.Updates.Tuf;

/// <summary>
/// Verified target files in the target folder: a file there is only ever one that passed TUF 5.7.3 (the
/// <see cref="TargetDownloader"/> renames it in only after verification).
/// </summary>
internal static class TargetStore
{
    /// <summary>True when <paramref name="path"/> holds exactly the bytes the trusted metadata lists.</summary>
    public static bool IsVerified(string path, TargetMatch match)
    {
        if (!File.Exists(path))
        {
            return false;
        }

        using var stream = File.OpenRead(path);
        try
        {
            TargetVerifier.Verify(match.Path, match.File, stream);
            return true;
        }
        catch (TufException)
        {
            return false;
        }
    }
}
