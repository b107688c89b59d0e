using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Outpost.Protocol;
using Outpost.Protocol.Admin;
using Outpost.Protocol.Releases;
using Outpost.Server.Admin;
using Outpost.Server.Http;
using Outpost.Trust.Tuf;

namespace Outpost.Server.Repository;

/// <summary>Admin-listener routes of the TUF repository: online keys, root and targets uploads, blobs, releases.</summary>
internal static class RepositoryAdminEndpoints
{
    public static void MapTufAdmin(this IEndpointRouteBuilder admin)
    {
        admin.MapGet(TufApiRoutes.OnlineKeys, (OnlineKeys keys) => Results.Text(
                new JsonObject
                {
                    [TufRoles.Snapshot] = keys.Snapshot.PublicKey.ToJson(),
                    [TufRoles.Timestamp] = keys.Timestamp.PublicKey.ToJson(),
                }.ToJsonString(), "application/json"))
            .RequireRole(AdminRole.Viewer);

        admin.MapPost(TufApiRoutes.Root, async (HttpContext http, TufRepository repository, IOptions<TufOptions> options) =>
                await AcceptAsync(http, options.Value, repository.AcceptRootAsync))
            .RequireRole(AdminRole.Admin).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        admin.MapPost(TufApiRoutes.Targets, async (HttpContext http, TufRepository repository, IOptions<TufOptions> options) =>
                await AcceptAsync(http, options.Value, repository.AcceptTargetsAsync))
            .RequireRole(AdminRole.Operator).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        admin.MapPut("/v1/tuf/blobs/{sha256}", PutBlobAsync)
            .RequireRole(AdminRole.Operator).ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status413PayloadTooLarge);

        admin.MapGet(TufApiRoutes.Releases, (TufRepository repository) => TypedResults.Json(
                ReleaseCatalog.From(repository.State.Targets?.Signed), OutpostJsonContext.Default.IReadOnlyListReleaseView))
            .RequireRole(AdminRole.Viewer).Produces<IReadOnlyList<ReleaseView>>();
    }

    private static async Task<IResult> AcceptAsync(
        HttpContext http, TufOptions options, Func<ReadOnlyMemory<byte>, CancellationToken, Task<Refusal?>> accept)
    {
        var (bytes, error) = await MetadataBody.ReadAsync(http, options.MaxMetadataBytes);
        if (error is not null)
        {
            return error;
        }

        var refusal = await accept(bytes!, http.RequestAborted);
        return refusal is null
            ? TypedResults.StatusCode(StatusCodes.Status201Created)
            : TypedResults.Problem(detail: refusal.Reason, statusCode: refusal.Status);
    }

    private static async Task<IResult> PutBlobAsync(
        string sha256, HttpContext http, BlobStore blobs, IOptions<TufOptions> options, ILogger<BlobStore> logger)
    {
        var max = options.Value.MaxArtifactBytes;
        if (!BlobStore.IsSha256Hex(sha256))
        {
            return Problems.BadRequest("sha256", "The blob name must be the SHA-256 of its bytes as 64 lowercase hex digits.");
        }

        if (blobs.LengthOf(sha256) is not null)
        {
            return TypedResults.Ok();
        }

        if (http.Request.ContentLength > max)
        {
            Log.BlobRefused(logger, sha256, "larger than Outpost:Tuf:MaxArtifactBytes");
            return Problems.TooLarge($"Artifacts larger than {max} bytes are refused (Outpost:Tuf:MaxArtifactBytes).");
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = max;
        }

        BlobPutResult result;
        try
        {
            result = await blobs.PutAsync(sha256, http.Request.Body, max, http.RequestAborted);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            result = new BlobPutResult(BlobPutOutcome.TooLarge, null, max + 1);
        }

        switch (result.Outcome)
        {
            case BlobPutOutcome.TooLarge:
                Log.BlobRefused(logger, sha256, "larger than Outpost:Tuf:MaxArtifactBytes");
                return Problems.TooLarge($"Artifacts larger than {max} bytes are refused (Outpost:Tuf:MaxArtifactBytes).");
            case BlobPutOutcome.HashMismatch:
                Log.BlobRefused(logger, sha256, "the bytes hash to " + result.ActualSha256);
                return Problems.BadRequest("sha256", $"The uploaded bytes have SHA-256 {result.ActualSha256}, not {sha256}.");
            default:
                Log.BlobStored(logger, sha256, result.Length);
                return TypedResults.StatusCode(StatusCodes.Status201Created);
        }
    }
}
