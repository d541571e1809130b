using System.Net;
using System.Text;

namespace FailoverOrchestrator.Tests.Aws;

/// <summary>Answers requests from a script of responses (the last one repeats) and records what it received and when.</summary>
internal sealed class FakeAwsHandler : HttpMessageHandler
{
    private readonly Queue<Func<CancellationToken, Task<HttpResponseMessage>>> _script = new();
    private readonly TimeProvider _time;
    private Func<CancellationToken, Task<HttpResponseMessage>>? _last;

    public FakeAwsHandler(TimeProvider time)
    {
        _time = time;
    }

    public List<RecordedRequest> Requests { get; } = [];

    public FakeAwsHandler Respond(HttpStatusCode status, string body, string contentType = "text/xml", string? requestId = "req-1")
    {
        _script.Enqueue(_ =>
        {
            var response = new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, contentType) };
            if (requestId is not null)
            {
                response.Headers.Add("x-amzn-RequestId", requestId);
            }

            return Task.FromResult(response);
        });
        return this;
    }

    /// <summary>Answers after <paramref name="delay"/> on the fake clock, unless the request is cancelled first.</summary>
    public FakeAwsHandler RespondAfter(TimeSpan delay, HttpStatusCode status, string body, string contentType = "text/xml")
    {
        _script.Enqueue(async token =>
        {
            await Task.Delay(delay, _time, token);
            return new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, contentType) };
        });
        return this;
    }

    public FakeAwsHandler Throw(Exception exception)
    {
        _script.Enqueue(_ => Task.FromException<HttpResponseMessage>(exception));
        return this;
    }

    /// <summary>Never answers; only the cancellation of the request ends it.</summary>
    public FakeAwsHandler Hang()
    {
        _script.Enqueue(async token =>
        {
            await Task.Delay(Timeout.Infinite, token);
            throw new InvalidOperationException("unreachable");
        });
        return this;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken);
        var headers = request.Headers.Concat(request.Content?.Headers ?? Enumerable.Empty<KeyValuePair<string, IEnumerable<string>>>())
            .ToDictionary(h => h.Key.ToLowerInvariant(), h => string.Join(",", h.Value), StringComparer.Ordinal);
        lock (Requests)
        {
            Requests.Add(new RecordedRequest(request.Method.Method, request.RequestUri!, headers, body, _time.GetUtcNow()));
        }

        var next = _script.Count > 0 ? _script.Dequeue() : _last ?? throw new InvalidOperationException("No response scripted.");
        _last = next;
        return await next(cancellationToken);
    }
}

/// <summary>A request the fake received, with the fake clock's time.</summary>
internal sealed record RecordedRequest(string Method, Uri Uri, IReadOnlyDictionary<string, string> Headers, string Body, DateTimeOffset At);
