using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace FailoverOrchestrator.LocalCloud.Http;

/// <summary>
/// An HTTP/1.1 listener on 127.0.0.1 (keep-alive, requests served concurrently) that reads each request
/// whole, hands it to a dispatch function and writes the answer with its <c>x-amzn-RequestId</c>.
/// </summary>
internal sealed class LoopbackHttpHost(int port, Func<LocalRequest, CancellationToken, Task<LocalResponse>> dispatch) : IAsyncDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<long, Task> _inFlight = new();
    private HttpListener? _listener;
    private Task? _acceptLoop;
    private long _nextRequest;

    /// <summary>Gets the base address once started.</summary>
    public Uri? Endpoint { get; private set; }

    /// <summary>Starts listening; with port 0, on a free port (retried if another process takes it first).</summary>
    public void Start()
    {
        if (_listener is not null)
        {
            throw new InvalidOperationException("The listener is already started.");
        }

        var (listener, chosen) = LoopbackListener.Start(port, alsoLocalhost: true);
        _listener = listener;
        Endpoint = new Uri($"http://127.0.0.1:{chosen}/");
        _acceptLoop = Task.Run(() => LoopbackListener.AcceptAsync(listener, Track, _stopping.Token));
    }

    /// <summary>Stops accepting, cancels what waits (an injected latency), and lets the calls under way answer.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_listener is not null)
        {
            await _stopping.CancelAsync();
            _listener.Stop();
            await (_acceptLoop ?? Task.CompletedTask);
            await Task.WhenAll(_inFlight.Values);
            try
            {
                _listener.Close();
            }
            catch (HttpListenerException)
            {
                // Linux's managed HttpListener looks its endpoint up again on Close after Stop released it, binding the
                // port anew; when another server has taken that port meanwhile, Close throws. It is stopped already.
            }
        }

        _stopping.Dispose();
    }

    /// <summary>Serves a connection on the thread pool, kept among the calls under way until it has answered.</summary>
    private void Track(HttpListenerContext context)
    {
        var id = Interlocked.Increment(ref _nextRequest);
        _inFlight[id] = Task.Run(async () =>
        {
            try
            {
                await ServeAsync(context);
            }
            finally
            {
                _inFlight.TryRemove(id, out _);
            }
        });
    }

    private async Task ServeAsync(HttpListenerContext context)
    {
        var requestId = Guid.NewGuid().ToString();
        var response = await AnswerAsync(context.Request, requestId);
        if (response.Refused)
        {
            await CutAsync(context);
            return;
        }

        try
        {
            var body = Encoding.UTF8.GetBytes(response.Body);
            context.Response.StatusCode = response.StatusCode;
            context.Response.ContentType = response.ContentType;
            context.Response.Headers["x-amzn-RequestId"] = requestId;
            context.Response.ContentLength64 = body.Length;
            await context.Response.OutputStream.WriteAsync(body);
            context.Response.Close();
        }
        catch (Exception e) when (e is HttpListenerException or IOException or ObjectDisposedException or InvalidOperationException)
        {
            // The client went away; nothing is left to answer.
            context.Response.Abort();
        }
    }

    private async Task<LocalResponse> AnswerAsync(HttpListenerRequest request, string requestId)
    {
        try
        {
            return await dispatch(await ReadAsync(request, requestId), _stopping.Token);
        }
        catch (OperationCanceledException)
        {
            return new LocalResponse(503, "text/plain", "LocalCloud is stopping.");
        }
#pragma warning disable CA1031 // A defect in one handler must answer 500, not leave the client hanging.
        catch (Exception e)
#pragma warning restore CA1031
        {
            return new LocalResponse(500, "text/plain", $"LocalCloud failed: {e.GetType().Name}: {e.Message}");
        }
    }

    /// <summary>
    /// Cuts the connection: HttpListener cannot refuse one it has accepted, and its Abort() alone still sends an empty 200,
    /// so the answer promises two bytes, sends one and the socket closes. Every HTTP client then fails the call in
    /// transport (the response ended prematurely), as with a connection reset, and never sees an answer to parse.
    /// </summary>
    private static async Task CutAsync(HttpListenerContext context)
    {
        try
        {
            context.Response.ContentLength64 = 2;
            await context.Response.OutputStream.WriteAsync("{"u8.ToArray());
            await context.Response.OutputStream.FlushAsync();
        }
        catch (Exception e) when (e is HttpListenerException or IOException or ObjectDisposedException or InvalidOperationException)
        {
            // The client went away first; there is nothing left to cut.
        }

        context.Response.Abort();
    }

    private static async Task<LocalRequest> ReadAsync(HttpListenerRequest request, string requestId)
    {
        using var reader = new StreamReader(request.InputStream, Encoding.UTF8);
        var body = await reader.ReadToEndAsync();
        var authorization = request.Headers["Authorization"];
        return new LocalRequest
        {
            Method = request.HttpMethod,
            Path = request.Url?.AbsolutePath ?? "/",
            Query = request.QueryString,
            Headers = request.Headers,
            Body = body,
            RequestId = requestId,
            Region = authorization is null ? null : SigV4Scope.TryParse(authorization)?.Region,
        };
    }
}
