namespace Outpost.Protocol.Devices;

/// <summary>Machine-readable reason of a RolledBack, Refused or Failed update; rollout gates count these.</summary>
public enum UpdateFailureCause
{
    /// <summary>A workload process kept crashing (restarts within the crash-loop window above its limit).</summary>
    CrashLoop,

    /// <summary>A health probe failed more times in a row than its threshold.</summary>
    ProbeFailed,

    /// <summary>A workload process exited and its restart policy does not restart it.</summary>
    ProcessExited,

    /// <summary>Free disk below the release size plus the reserve: refused before download.</summary>
    NotEnoughDisk,

    /// <summary>TUF or hash verification refused the release.</summary>
    VerificationFailed,

    /// <summary>Downloads kept failing (network); retried later.</summary>
    DownloadFailed,

    /// <summary>The workload spec or release layout is unusable (bad spec, missing file).</summary>
    InvalidRelease,

    /// <summary>The kept N-1 release is missing or altered; the device stays on a release that can run.</summary>
    RollbackTargetUnusable,

    /// <summary>A new agent binary did not start or did not check in within its trial.</summary>
    AgentDidNotStart,

    /// <summary>Anything else while installing (I/O error); the detail says what.</summary>
    InstallFailed,
}
