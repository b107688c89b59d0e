using Outpost.Protocol.Devices;
using Outpost.Server.Http;

namespace Outpost.Server.Devices;

/// <summary>Bounds on what an agent may store on its device row through a check-in's update report.</summary>
internal static class UpdateReportRules
{
    private const int MaxReleaseLength = 160;
    private const int MaxDetailLength = 2048;

    public static IResult? Validate(CheckInRequest request)
    {
        foreach (var (field, release) in new[] { ("currentRelease", request.CurrentRelease), ("previousRelease", request.PreviousRelease) })
        {
            if (release is { Length: 0 or > MaxReleaseLength })
            {
                return Problems.BadRequest(field, $"{field} must be 1 to {MaxReleaseLength} characters.");
            }
        }

        var update = request.Update;
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

        if (update.Cause is { } cause && !Enum.IsDefined(cause))
        {
            return Problems.BadRequest("update.cause", "update.cause is not a known cause.");
        }

        return !Enum.IsDefined(update.State) ? Problems.BadRequest("update.state", "update.state is not a known state.") : null;
    }
}
