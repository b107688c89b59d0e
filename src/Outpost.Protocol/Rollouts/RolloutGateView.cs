namespace Outpost.Protocol.Rollouts;

/// <summary>A gate's latest value against its threshold. <see cref="Passed"/> is null while there is too little data to judge.</summary>
public sealed record RolloutGateView
{
    /// <summary><c>failureRatio</c> or <c>metric:NAME</c>.</summary>
    public required string Gate { get; init; }

    public double? Value { get; init; }

    /// <summary>The control cohort's value, for relative metric gates.</summary>
    public double? Control { get; init; }

    /// <summary>Human-readable bound, e.g. <c>&lt;= 0.1</c>, <c>&gt;= 25</c>, <c>regression &lt;= 20%</c>.</summary>
    public required string Threshold { get; init; }

    public bool? Passed { get; init; }

    /// <summary>Devices the value is computed over.</summary>
    public int Sample { get; init; }

    public DateTimeOffset? At { get; init; }
}
