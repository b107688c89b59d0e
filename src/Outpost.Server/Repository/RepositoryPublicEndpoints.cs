using Microsoft.Net.Http.Headers;
using Outpost.Server.Http;
using Outpost.Trust.Tuf;

namespace Outpost.Server.Repository;

/// <summary>
/// Metadata and targets, served anonymously on both listeners: they are signed data a client verifies itself, so
/// serving them to anyone reveals nothing the signatures do not already protect.
/// </summary>
internal static class RepositoryPublicEndpoints
{
    public static void MapTufPublic(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/v1/tuf/metadata/{file}", (string file, HttpContext http, TufRepository repository, RepositoryLayout layout) =>
        {
            if (!MetadataFiles.IsServable(file))
            {
                return Problems.NotFound($"No metadata file '{file}': use root.json, N.root.json, timestamp.json, N.snapshot.json or N.targets.json.");
            }

            var name = file == "root.json" ? MetadataFiles.Versioned(repository.RootVersion, TufRoles.Root) : file;
            var path = layout.MetadataFile(name);
            if (!File.Exists(path))
            {
                return Problems.NotFound($"The repository has no '{file}' yet.");
            }

            // Unversioned names change with every push or re-signing; versioned (consistent snapshot) files never do.
            http.Response.Headers.CacheControl = file is "root.json" or "timestamp.json" ? "no-cache" : "public, max-age=31536000, immutable";
            return TypedResults.PhysicalFile(path, "application/json");
        });

        routes.MapGet("/v1/tuf/targets/{**path}", (string path, TufRepository repository, BlobStore blobs) =>
        {
            // TUF 5.7.3: with consistent snapshots a target is fetched as DIR/HASH.NAME.
            var slash = path.LastIndexOf('/');
            var last = path[(slash + 1)..];
            var dot = last.IndexOf('.', StringComparison.Ordinal);
            var hash = dot < 0 ? string.Empty : last[..dot];
            var targetPath = slash < 0 ? last[(dot + 1)..] : path[..(slash + 1)] + last[(dot + 1)..];
            if (!BlobStore.IsSha256Hex(hash) || dot == last.Length - 1)
            {
                return Problems.NotFound("Target URLs end in HASH.filename with the target's sha256 (consistent snapshots).");
            }

            // Only bytes the current signed targets list are served: an uploaded but unpublished blob stays private.
            var listed = repository.State.Targets?.Signed.Targets.GetValueOrDefault(targetPath);
            if (listed is null || listed.Hashes.GetValueOrDefault("sha256") != hash || blobs.LengthOf(hash) is null)
            {
                return Problems.NotFound($"No target '{targetPath}' with sha256 {hash}.");
            }

            return TypedResults.PhysicalFile(
                blobs.PathOf(hash), "application/octet-stream", enableRangeProcessing: true, entityTag: new EntityTagHeaderValue($"\"{hash}\""));
        });
    }
}
