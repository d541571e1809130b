using System.Globalization;
using System.Net.Http;

namespace FailoverOrchestrator.Watch;

/// <summary>
/// A GET of the endpoint with its own timeout and no retry (the schedule is the retry): 2xx is healthy, anything else,
/// a timeout or a transport fault is a failure that names itself. Redirects are not followed: a health endpoint answers.
/// </summary>
internal sealed class HttpHealthProbe(HttpClient http) : IHealthProbe
{
    public async Task<ProbeResult> ProbeAsync(Uri endpoint, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timer.CancelAfter(timeout);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, endpoint);
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timer.Token);
            var status = (int)response.StatusCode;
            return new(endpoint.ToString(), status is >= 200 and < 300, $"HTTP {status.ToString(CultureInfo.InvariantCulture)}");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new(endpoint.ToString(), false,
                $"no answer within {timeout.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture)} s");
        }
        catch (HttpRequestException ex)
        {
            return new(endpoint.ToString(), false, ex.HttpRequestError == HttpRequestError.Unknown
                ? ex.Message : ex.HttpRequestError.ToString());
        }
    }

    /// <summary>The handler the function uses: no redirects, no cookies, no proxy discovery.</summary>
    public static HttpClient CreateClient() => new(new SocketsHttpHandler
    {
        AllowAutoRedirect = false,
        UseCookies = false,
        UseProxy = false,
        PooledConnectionLifetime = TimeSpan.FromMinutes(1),
    })
    {
        Timeout = Timeout.InfiniteTimeSpan,
    };
}
