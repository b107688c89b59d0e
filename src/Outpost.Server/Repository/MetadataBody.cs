using Microsoft.AspNetCore.Http.Features;
using Outpost.Server.Http;

namespace Outpost.Server.Repository;

/// <summary>Reads a signed metadata upload as raw bytes: signatures cover its exact content, so it is never re-serialized.</summary>
internal static class MetadataBody
{
    public static async Task<(byte[]? Bytes, IResult? Error)> ReadAsync(HttpContext http, long maxBytes)
    {
        if (!http.Request.HasJsonContentType())
        {
            return (null, Problems.UnsupportedMediaType("Send the signed metadata as application/json."));
        }

        if (http.Request.ContentLength > maxBytes)
        {
            return (null, Problems.TooLarge($"Metadata larger than {maxBytes} bytes is refused (Outpost:Tuf:MaxMetadataBytes)."));
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = maxBytes;
        }

        try
        {
            using var buffer = new MemoryStream();
            await http.Request.Body.CopyToAsync(buffer, http.RequestAborted);
            return (buffer.ToArray(), null);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, Problems.TooLarge($"Metadata larger than {maxBytes} bytes is refused (Outpost:Tuf:MaxMetadataBytes)."));
        }
    }
}
