namespace Outpost.Protocol.Rollouts;

/// <summary>Which way is better for a metric judged against the control cohort.</summary>
public enum MetricDirection
{
    /// <summary>e.g. inference_fps: lower than control is a regression.</summary>
    HigherIsBetter,

    /// <summary>e.g. error_rate, inference_latency_ms: higher than control is a regression.</summary>
    LowerIsBetter,
}
