using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using Outpost.Protocol;
using Outpost.Protocol.Admin;
using Outpost.Server.Admin;
using Outpost.Server.Http;
using Outpost.Server.Repository;
using Outpost.Server.Storage;

namespace Outpost.Server.Devices;

/// <summary>
/// <c>PUT /v1/devices/{id}/desired-release</c>. The check against the signed targets is a convenience for operators
/// only: the agent verifies the release against TUF metadata on its own and refuses anything unsigned.
/// </summary>
internal static partial class DesiredReleaseEndpoints
{
    public static void MapDesiredRelease(this IEndpointRouteBuilder admin) =>
        admin.MapPut(AdminApiRoutes.Devices + "/{id}/desired-release", SetAsync)
            .RequireRole(AdminRole.Operator).Accepts<SetDesiredReleaseRequest>("application/json").Produces<DeviceView>()
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

    private static async Task<IResult> SetAsync(
        string id, HttpContext http, IDeviceStore devices, TufRepository repository, CheckInWriteBehind buffer,
        IOptions<DevicesOptions> options, TimeProvider time, ILoggerFactory loggers)
    {
        var (request, error) = await JsonBody.ReadAsync(http, OutpostJsonContext.Default.SetDesiredReleaseRequest);
        if (error is not null)
        {
            return error;
        }

        if (await devices.GetAsync(id, http.RequestAborted) is null)
        {
            return Problems.NotFound($"No device with id '{id}'.");
        }

        var release = request!.Release;
        if (release is not null)
        {
            var match = ReleaseId().Match(release);
            if (!match.Success)
            {
                return Problems.BadRequest("release", "release must be NAME@VERSION (NAME [a-z0-9][a-z0-9._-]{0,63}, VERSION [0-9A-Za-z.+-]{1,64}) or null.");
            }

            var (name, version) = (match.Groups["name"].Value, match.Groups["version"].Value);
            if (!ReleaseCatalog.From(repository.State.Targets?.Signed).Any(r => r.Name == name && r.Version == version))
            {
                return Problems.Conflict($"release {release} is not in the current signed targets metadata (push it first: outpost release push).");
            }
        }

        if (!await devices.SetDesiredReleaseAsync(id, release, http.RequestAborted))
        {
            return Problems.NotFound($"No device with id '{id}'.");
        }

        var logger = loggers.CreateLogger("Outpost.Server.Devices");
        var callerId = http.Caller().Token.Id;
        var shown = release ?? "(none)";
        Log.DesiredReleaseSet(logger, id, shown, callerId);
        await buffer.FlushAsync(http.RequestAborted);
        var device = await devices.GetAsync(id, http.RequestAborted);
        return TypedResults.Json(
            device!.ToView(DeviceStatusRules.OnlineSince(time.GetUtcNow(), options.Value), withSystem: false),
            OutpostJsonContext.Default.DeviceView);
    }

    [GeneratedRegex("^(?<name>[a-z0-9][a-z0-9._-]{0,63})@(?<version>[0-9A-Za-z.+-]{1,64})$", RegexOptions.CultureInvariant)]
    private static partial Regex ReleaseId();
}
