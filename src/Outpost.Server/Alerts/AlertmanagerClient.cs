using System.Net.Http.Json;
using Microsoft.Extensions.Options;

namespace Outpost.Server.Alerts;

/// <summary>
/// <c>POST {url}/api/v2/alerts</c> to every configured Alertmanager, each with its own retries and exponential
/// backoff. Failures are warnings: delivery is retried next round, and the server keeps working without it.
/// </summary>
internal sealed class AlertmanagerClient(
    IHttpClientFactory clients, IOptions<AlertsOptions> options, TimeProvider time, ILogger<AlertmanagerClient> logger)
{
    public const string HttpClientName = "alertmanager";

    /// <summary>Sends to every URL in parallel; true when every one accepted.</summary>
    public async Task<bool> SendAsync(IReadOnlyList<PostableAlert> alerts, CancellationToken cancellationToken)
    {
        var urls = options.Value.Alertmanager.Urls;
        var results = await Task.WhenAll(urls.Select(url => SendToAsync(url, alerts, cancellationToken)));
        return results.All(ok => ok);
    }

    private async Task<bool> SendToAsync(string url, IReadOnlyList<PostableAlert> alerts, CancellationToken cancellationToken)
    {
        var settings = options.Value.Alertmanager;
        var endpoint = url.TrimEnd('/') + "/api/v2/alerts";
        var backoff = settings.InitialBackoff;
        for (var attempt = 1; attempt <= settings.MaxAttempts; attempt++)
        {
            var reason = await TryPostAsync(endpoint, alerts, settings.Timeout, cancellationToken);
            if (reason is null)
            {
                Log.Delivered(logger, alerts.Count, endpoint);
                return true;
            }

            Log.DeliveryAttemptFailed(logger, alerts.Count, endpoint, attempt, settings.MaxAttempts, reason);
            if (attempt < settings.MaxAttempts)
            {
                await Task.Delay(backoff, time, cancellationToken);
                backoff *= 2;
            }
        }

        Log.DeliveryFailed(logger, alerts.Count, endpoint);
        return false;
    }

    /// <summary>Null when accepted, else why not.</summary>
    private async Task<string?> TryPostAsync(string endpoint, IReadOnlyList<PostableAlert> alerts, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            using var client = clients.CreateClient(HttpClientName);
            using var response = await client.PostAsJsonAsync(endpoint, alerts, AlertsJsonContext.Default.IReadOnlyListPostableAlert, deadline.Token);
            if (response.IsSuccessStatusCode)
            {
                return null;
            }

            var body = await response.Content.ReadAsStringAsync(deadline.Token);
            return $"HTTP {(int)response.StatusCode}: {(body.Length > 200 ? body[..200] : body)}";
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return $"no answer within {timeout.TotalSeconds:0.#} s";
        }
        catch (HttpRequestException e)
        {
            return e.Message;
        }
    }
}
