using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Xml;
using Amazon.Runtime.Signing;
using Microsoft.Extensions.Logging;

namespace FailoverOrchestrator.Aws.Http;

/// <summary>
/// Sends an <see cref="AwsRequest"/> through the retry pipeline and the signing <see cref="HttpClient"/>,
/// turns error answers into <see cref="AwsServiceException"/> and hands a successful body to the caller's parser.
/// </summary>
internal sealed class AwsHttpSender
{
    private static readonly HttpRequestOptionsKey<string> SigningRegionKey = new(SigV4SigningHandler.RegionOptionKey);
    private static readonly HttpRequestOptionsKey<string> SigningServiceKey = new(SigV4SigningHandler.ServiceOptionKey);

    private readonly HttpClient _httpClient;
    private readonly AwsEndpointResolver _endpoints;
    private readonly AwsRetryPipeline _retry;
    private readonly TimeProvider _timeProvider;

    /// <param name="httpClient">A client whose handler chain signs with <see cref="SigV4SigningHandler"/>.</param>
    /// <param name="endpoints">Gives each request its service's endpoint in its region.</param>
    /// <param name="retry">Retries the answers AWS calls retryable, within the invocation's deadline.</param>
    /// <param name="timeProvider">The clock that times each call.</param>
    public AwsHttpSender(HttpClient httpClient, AwsEndpointResolver endpoints, AwsRetryPipeline retry, TimeProvider timeProvider)
    {
        _httpClient = httpClient;
        _endpoints = endpoints;
        _retry = retry;
        _timeProvider = timeProvider;
    }

    /// <summary>Calls the service and parses the successful body with <paramref name="parse"/>.</summary>
    /// <exception cref="AwsServiceException">An error answer after retries, or a body <paramref name="parse"/> could not read.</exception>
    public async Task<T> SendAsync<T>(AwsRequest request, Func<string, T> parse, ILogger logger, CancellationToken cancellationToken)
    {
        var baseUri = request.Endpoint ?? _endpoints.Resolve(request.Service, request.Region);
        var started = _timeProvider.GetTimestamp();
        var attempts = 0;
        var response = await _retry.ExecuteAsync(
            token => SendOnceAsync(request, baseUri, Interlocked.Increment(ref attempts), logger, token),
            request,
            logger,
            cancellationToken);
        var elapsedMs = ElapsedMs(started);
        AwsLog.CallCompleted(logger, request.Service.Name, request.Operation, (int)response.StatusCode, attempts, elapsedMs);

        try
        {
            return parse(response.Body);
        }
        catch (Exception e) when (e is FormatException or XmlException or JsonException or InvalidOperationException or OverflowException)
        {
            throw AwsErrorParser.Malformed(request, response.StatusCode, $"the {request.Operation} answer could not be read ({e.Message})",
                response.RequestId, e);
        }
    }

    private async ValueTask<AwsResponse> SendOnceAsync(AwsRequest request, Uri baseUri, int attempt, ILogger logger,
        CancellationToken cancellationToken)
    {
        using var message = CreateMessage(request, baseUri);
        var started = _timeProvider.GetTimestamp();
        try
        {
            using var response = await _httpClient.SendAsync(message, HttpCompletionOption.ResponseContentRead, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            var requestId = Header(response, "x-amzn-RequestId") ?? Header(response, "x-amz-request-id");
            var elapsedMs = ElapsedMs(started);
            if (response.IsSuccessStatusCode)
            {
                AwsLog.AttemptSucceeded(logger, request.Service.Name, request.Operation, attempt, (int)response.StatusCode, elapsedMs,
                    requestId);
                return new AwsResponse(response.StatusCode, body, requestId);
            }

            var error = AwsErrorParser.Parse(request, response.StatusCode, body, requestId, Header(response, "x-amzn-ErrorType"));
            AwsLog.AttemptFailed(logger, request.Service.Name, request.Operation, attempt, error.ErrorCode, (int)response.StatusCode,
                elapsedMs, error.RequestId);
            throw error;
        }
        catch (HttpRequestException e)
        {
            // The exception's message names the host and the socket error only; never headers.
            var elapsedMs = ElapsedMs(started);
            AwsLog.AttemptFaulted(logger, request.Service.Name, request.Operation, attempt, elapsedMs, e.Message);
            throw;
        }
    }

    private static HttpRequestMessage CreateMessage(AwsRequest request, Uri baseUri)
    {
        // Keep a path prefix of an endpoint override (a proxy mounted under /aws, say).
        var prefix = baseUri.AbsolutePath.TrimEnd('/');
        var uri = new Uri(baseUri.GetLeftPart(UriPartial.Authority) + prefix + request.PathAndQuery, UriKind.Absolute);
        var message = new HttpRequestMessage(request.Method, uri);
        message.Options.Set(SigningRegionKey, request.Service.SigningRegion(request.Region));
        message.Options.Set(SigningServiceKey, request.Service.SigningName);
        if (request.Target is not null)
        {
            message.Headers.TryAddWithoutValidation("X-Amz-Target", request.Target);
        }

        if (request.Body is not null)
        {
            message.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(request.Body));
            message.Content.Headers.ContentType = new MediaTypeHeaderValue(request.ContentType ?? "application/octet-stream");
        }

        return message;
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    private long ElapsedMs(long started) => (long)_timeProvider.GetElapsedTime(started).TotalMilliseconds;
}
