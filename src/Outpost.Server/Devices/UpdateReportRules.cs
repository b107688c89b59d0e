using Outpost.Protocol.Devices;
using Outpost.Server.Http;

namespace Outpost.Server.Devices;

/// <summary>Bounds on what an agent may store on its device row through a check-in's update report.</summary>
internal static class UpdateReportRules
{
    private const int MaxReleaseLength = 160;
    private const int MaxDetailLength = 2048;

    public static IResult? Validate(UpdateReport? update)
    {
        if (update is null)
        {
            return null;
        }

        if (update.Release.Length is 0 or > MaxReleaseLength)
        {
            return Problems.BadRequest("update.release", $"update.release must be 1 to {MaxReleaseLength} characters.");
        }

        if (update.Detail is { Length: > MaxDetailLength })
        {
            return Problems.BadRequest("update.detail", $"update.detail must be at most {MaxDetailLength} characters.");
        }

        if (update.ProgressPercent is < 0 or > 100)
        {
            return Problems.BadRequest("update.progressPercent", "update.progressPercent must be between 0 and 100.");
        }

        return !Enum.IsDefined(update.State) ? Problems.BadRequest("update.state", "update.state is not a known state.") : null;
    }
}
