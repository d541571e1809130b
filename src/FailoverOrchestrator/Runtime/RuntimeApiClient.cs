using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace FailoverOrchestrator.Runtime;

/// <summary>
/// The documented Lambda Runtime API (version 2018-06-01) at <c>AWS_LAMBDA_RUNTIME_API</c>: next, response, error and
/// init error. Plain HTTP on the execution environment's loopback; <c>next</c> blocks until an event arrives, so the
/// client has no timeout.
/// </summary>
internal sealed class RuntimeApiClient : IDisposable
{
    public const string ErrorTypeHeader = "Lambda-Runtime-Function-Error-Type";
    private static readonly MediaTypeHeaderValue Json = new("application/json");
    private readonly HttpClient _http;

    public RuntimeApiClient(string runtimeApi)
    {
        // No proxy: HTTP_PROXY set for the function's own AWS calls must not capture the Runtime API.
        _http = new HttpClient(new SocketsHttpHandler { UseProxy = false, UseCookies = false, AllowAutoRedirect = false })
        {
            BaseAddress = new Uri($"http://{runtimeApi}/2018-06-01/runtime/"),
            Timeout = Timeout.InfiniteTimeSpan,
        };
    }

    /// <summary>Waits for the next event.</summary>
    public async Task<RuntimeInvocation> NextAsync(CancellationToken cancellationToken)
    {
        using var response = await _http.GetAsync("invocation/next", cancellationToken);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new RuntimeApiException(
                $"GET invocation/next answered HTTP {(int)response.StatusCode}: "
                + $"{await response.Content.ReadAsStringAsync(cancellationToken)}");
        }

        var payload = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        var requestId = Header(response, "Lambda-Runtime-Aws-Request-Id")
            ?? throw new RuntimeApiException("GET invocation/next gave an event without Lambda-Runtime-Aws-Request-Id");
        if (!long.TryParse(Header(response, "Lambda-Runtime-Deadline-Ms"), NumberStyles.None, CultureInfo.InvariantCulture,
            out var deadlineMs))
        {
            throw new RuntimeApiException($"GET invocation/next gave event {requestId} without a valid Lambda-Runtime-Deadline-Ms");
        }

        return new RuntimeInvocation(
            requestId,
            DateTimeOffset.FromUnixTimeMilliseconds(deadlineMs),
            Header(response, "Lambda-Runtime-Invoked-Function-Arn"),
            Header(response, "Lambda-Runtime-Trace-Id"),
            payload);
    }

    /// <summary>Posts the result; returns the Runtime API's status (202, or 413 when it is over the response limit).</summary>
    public Task<(int Status, string Body)> RespondAsync(string requestId, Stream result, CancellationToken cancellationToken)
    {
        var content = new StreamContent(result);
        content.Headers.ContentType = Json;
        return PostAsync($"invocation/{Uri.EscapeDataString(requestId)}/response", content, null, cancellationToken);
    }

    /// <summary>Reports that the invocation failed.</summary>
    public Task<(int Status, string Body)> ReportErrorAsync(string requestId, RuntimeError error, CancellationToken cancellationToken) =>
        PostAsync($"invocation/{Uri.EscapeDataString(requestId)}/error", ErrorContent(error), error.ErrorType, cancellationToken);

    /// <summary>Reports that initialisation failed; Lambda serves the error to the invocation that started this environment.</summary>
    public Task<(int Status, string Body)> ReportInitErrorAsync(RuntimeError error, CancellationToken cancellationToken) =>
        PostAsync("init/error", ErrorContent(error), error.ErrorType, cancellationToken);

    public void Dispose() => _http.Dispose();

    private static ByteArrayContent ErrorContent(RuntimeError error)
    {
        var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(error, RuntimeJsonContext.Default.RuntimeError));
        content.Headers.ContentType = Json;
        return content;
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    private async Task<(int Status, string Body)> PostAsync(string path, HttpContent content, string? errorType,
        CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        if (errorType is not null)
        {
            request.Headers.TryAddWithoutValidation(ErrorTypeHeader, errorType);
        }

        using var response = await _http.SendAsync(request, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);

        // 500 means the environment is broken: the documented answer is to exit at once.
        if ((int)response.StatusCode >= 500)
        {
            throw new RuntimeApiException($"POST {path} answered HTTP {(int)response.StatusCode}: {body}");
        }

        return ((int)response.StatusCode, body);
    }
}
