using System.Net;
using System.Net.Http.Json;
using System.Security.Authentication;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Outpost.Protocol;

namespace Outpost.Agent.Sync;

/// <summary>One JSON POST to the device API, with every failure mapped to a <see cref="DeviceCallStatus"/>.</summary>
internal static class DeviceApiHttp
{
    public static async Task<DeviceCallResult<TResponse>> PostAsync<TRequest, TResponse>(
        HttpClient client,
        string path,
        TRequest request,
        JsonTypeInfo<TRequest> requestType,
        JsonTypeInfo<TResponse> responseType,
        Func<string?>? tlsError,
        CancellationToken cancellationToken)
        where TResponse : class
    {
        using var content = JsonContent.Create(request, requestType);
        return await PostAsync(client, path, content, responseType, tlsError, cancellationToken);
    }

    /// <summary>The same with a body the caller prepared (e.g. gzip-encoded telemetry).</summary>
    public static async Task<DeviceCallResult<TResponse>> PostAsync<TResponse>(
        HttpClient client,
        string path,
        HttpContent content,
        JsonTypeInfo<TResponse> responseType,
        Func<string?>? tlsError,
        CancellationToken cancellationToken)
        where TResponse : class
    {
        try
        {
            using var response = await client.PostAsync(new Uri(path, UriKind.Relative), content, cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                var value = await response.Content.ReadFromJsonAsync(responseType, cancellationToken);
                return value is null
                    ? DeviceCallResult<TResponse>.Fail(DeviceCallStatus.Unavailable, "the server sent an empty response")
                    : DeviceCallResult<TResponse>.Ok(value);
            }

            var detail = await ProblemDetailAsync(response, cancellationToken);
            return DeviceCallResult<TResponse>.Fail(Classify(response.StatusCode), detail);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (OperationCanceledException)
        {
            return DeviceCallResult<TResponse>.Fail(DeviceCallStatus.Unavailable, "the request timed out");
        }
        catch (HttpRequestException ex)
        {
            return DeviceCallResult<TResponse>.Fail(DeviceCallStatus.Unavailable, Describe(ex, tlsError?.Invoke()));
        }
        catch (ObjectDisposedException)
        {
            // The client was replaced (certificate renewal) while this request was on it; the caller retries.
            return DeviceCallResult<TResponse>.Fail(DeviceCallStatus.Unavailable, "the connection was closed for a certificate renewal");
        }
        catch (JsonException ex)
        {
            return DeviceCallResult<TResponse>.Fail(DeviceCallStatus.Unavailable, $"the server sent unreadable JSON: {ex.Message}");
        }
    }

    private static DeviceCallStatus Classify(HttpStatusCode status) => status switch
    {
        HttpStatusCode.Forbidden => DeviceCallStatus.Revoked,
        HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests => DeviceCallStatus.Unavailable,
        >= HttpStatusCode.BadRequest and < HttpStatusCode.InternalServerError => DeviceCallStatus.Refused,
        _ => DeviceCallStatus.Unavailable,
    };

    private static async Task<string> ProblemDetailAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var status = $"HTTP {(int)response.StatusCode}";
        try
        {
            var problem = await response.Content.ReadFromJsonAsync(OutpostJsonContext.Default.ProblemBody, cancellationToken);
            var text = problem?.Detail ?? problem?.Title;
            return string.IsNullOrWhiteSpace(text) ? status : $"{status}: {text}";
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException or HttpRequestException)
        {
            return status;
        }
    }

    private static string Describe(HttpRequestException ex, string? tlsError)
    {
        if (tlsError is not null)
        {
            return $"server certificate rejected: {tlsError}";
        }

        var inner = ex.InnerException is AuthenticationException auth ? auth.Message : ex.InnerException?.Message;
        return inner is null ? ex.Message : $"{ex.Message} ({inner})";
    }
}
