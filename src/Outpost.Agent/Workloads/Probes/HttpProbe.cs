namespace Outpost.Agent.Workloads.Probes;

/// <summary>GET the URL; any 2xx passes. Redirects are not followed (a 3xx fails: the health endpoint moved).</summary>
internal sealed class HttpProbe(HttpClient client, Uri url) : IProbe
{
    public string Description => $"http probe {url}";

    public async Task<string?> CheckAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            return response.IsSuccessStatusCode ? null : $"HTTP {(int)response.StatusCode}";
        }
        catch (HttpRequestException ex)
        {
            return ex.Message;
        }
    }
}
