using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading.Channels;

namespace FailoverOrchestrator.LocalCloud.Lambda;

/// <summary>
/// Our stand-in for one Lambda execution environment's Runtime API (2018-06-01) on 127.0.0.1: callers queue events
/// with <see cref="InvokeAsync"/>, the function process takes them with <c>GET …/invocation/next</c> one at a time and
/// answers on <c>…/response</c> or <c>…/error</c>, or reports <c>…/init/error</c>. Bounded like Lambda: a queue of
/// <see cref="MaxQueued"/> events, 6 MB payloads and responses, 1 MB error documents.
/// </summary>
internal sealed class RuntimeApiServer : IAsyncDisposable
{
    /// <summary>Invoke's synchronous request limit: "Request must be smaller than 6291456 bytes for the InvokeFunction
    /// operation".</summary>
    public const int MaxPayloadBytes = 6 * 1024 * 1024;

    /// <summary>The response limit as Lambda words it: "… exceeded maximum allowed payload size (6291556 bytes)".</summary>
    public const int MaxResponseBytes = 6_291_556;

    public const int MaxErrorBytes = 1024 * 1024;

    public const int MaxQueued = 64;

    /// <summary>How much of an oversize body is read and dropped before the connection is cut.</summary>
    public const long MaxDrainBytes = 64L * 1024 * 1024;

    private const string Prefix = "/2018-06-01/runtime/";
    private readonly Channel<PendingInvocation> _queue = Channel.CreateBounded<PendingInvocation>(MaxQueued);
    private readonly CancellationTokenSource _stopping = new();
    private readonly HttpListener _listener;
    private readonly object _gate = new();
    private readonly Task _acceptLoop;
    private readonly TimeProvider _time;
    private PendingInvocation? _current;
    private InvocationResult? _dead;
    private long _firstNext;

    private RuntimeApiServer(HttpListener listener, int port, string functionArn, TimeProvider time)
    {
        _listener = listener;
        _time = time;
        Address = $"127.0.0.1:{port}";
        FunctionArn = functionArn;
        _acceptLoop = Task.Run(AcceptLoopAsync);
    }

    /// <summary>What <c>AWS_LAMBDA_RUNTIME_API</c> is set to: host and port.</summary>
    public string Address { get; }

    public string FunctionArn { get; }

    /// <summary>The <see cref="Stopwatch"/> timestamp of the first <c>GET …/next</c>, or 0 before it: the end of the cold start as Lambda
    /// sees it.</summary>
    public long FirstNextTimestamp => Interlocked.Read(ref _firstNext);

    /// <summary>The init error the runtime reported, if any.</summary>
    public InvocationResult? InitError { get; private set; }

    /// <param name="functionArn">The invoked function's ARN, sent with each event.</param>
    /// <param name="time">The clock the events' deadlines are set by (the function compares them with its own clock).</param>
    public static RuntimeApiServer Start(string functionArn, TimeProvider time)
    {
        for (var attempt = 1; ; attempt++)
        {
            using var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            var listener = new HttpListener { IgnoreWriteExceptions = true };
            listener.Prefixes.Add($"http://127.0.0.1:{port}/");
            try
            {
                listener.Start();
                return new RuntimeApiServer(listener, port, functionArn, time);
            }
            catch (HttpListenerException) when (attempt < 10)
            {
                listener.Close();
            }
        }
    }

    /// <summary>Invokes the function synchronously (RequestResponse): queues the event and waits for its answer until
    /// <paramref name="timeout"/>.</summary>
    public async Task<InvocationResult> InvokeAsync(byte[] payload, TimeSpan timeout, string? traceId = null,
        CancellationToken cancellationToken = default)
    {
        var requestId = Guid.NewGuid().ToString();
        if (payload.Length > MaxPayloadBytes)
        {
            return InvocationResult.Error(InvocationResultKind.Refused, requestId, "RequestEntityTooLargeException",
                $"Request must be smaller than {MaxPayloadBytes} bytes for the InvokeFunction operation", TimeSpan.Zero);
        }

        var pending = new PendingInvocation(requestId, payload, _time.GetUtcNow() + timeout, traceId, Stopwatch.GetTimestamp());
        lock (_gate)
        {
            if (_dead is { } dead)
            {
                return dead with { RequestId = requestId };
            }

            if (!_queue.Writer.TryWrite(pending))
            {
                return InvocationResult.Error(InvocationResultKind.Refused, requestId, "TooManyRequestsException",
                    $"more than {MaxQueued} events are waiting for this environment", TimeSpan.Zero);
            }
        }

        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timer.CancelAfter(timeout);
        try
        {
            return await pending.Result.Task.WaitAsync(timer.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            var timedOut = InvocationResult.Error(InvocationResultKind.TimedOut, requestId, "Sandbox.Timedout",
                string.Create(CultureInfo.InvariantCulture, $"{requestId} Task timed out after {timeout.TotalSeconds:0.00} seconds"),
                timeout);
            pending.Result.TrySetResult(timedOut);
            return await pending.Result.Task;
        }
    }

    /// <summary>The function process ended: what it held or would have taken fails as Lambda reports it (init error, else
    /// Runtime.ExitError).</summary>
    public void EnvironmentExited(int exitCode)
    {
        lock (_gate)
        {
            _dead = InitError
                ?? InvocationResult.Error(
                InvocationResultKind.ExitError, string.Empty, "Runtime.ExitError", $"Runtime exited with error: exit status {exitCode}",
                TimeSpan.Zero);
            FailAll(_dead);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _listener.Stop();
        await _acceptLoop;
        _listener.Close();
        lock (_gate)
        {
            FailAll(
                InvocationResult.Error(
                InvocationResultKind.ExitError, string.Empty, "Runtime.ExitError", "the execution environment was shut down",
                TimeSpan.Zero));
        }

        _stopping.Dispose();
    }

    private void FailAll(InvocationResult result)
    {
        _current?.Result.TrySetResult(
            result with { RequestId = _current.RequestId, Duration = Stopwatch.GetElapsedTime(_current.StartedTimestamp) });
        while (_queue.Reader.TryRead(out var queued))
        {
            queued.Result.TrySetResult(
                result with { RequestId = queued.RequestId, Duration = Stopwatch.GetElapsedTime(queued.StartedTimestamp) });
        }
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                break;
            }

            _ = Task.Run(() => ServeAsync(context));
        }
    }

    private async Task ServeAsync(HttpListenerContext context)
    {
        var request = context.Request;
        var path = request.Url?.AbsolutePath ?? "/";
        try
        {
            if (request.HttpMethod == "GET" && path == Prefix + "invocation/next")
            {
                await NextAsync(context);
            }
            else if (request.HttpMethod == "POST" && path == Prefix + "init/error")
            {
                var body = await ReadBoundedAsync(request, MaxErrorBytes);
                lock (_gate)
                {
                    InitError = new InvocationResult(InvocationResultKind.InitError, string.Empty, body ?? [],
                        request.Headers["Lambda-Runtime-Function-Error-Type"], TimeSpan.Zero);
                    _dead = InitError;
                    FailAll(InitError);
                }

                await AnswerAsync(context, 202, """{"status":"OK"}""");
            }
            else if (request.HttpMethod == "POST" && path.StartsWith(Prefix + "invocation/", StringComparison.Ordinal)
                && (path.EndsWith("/response", StringComparison.Ordinal) || path.EndsWith("/error", StringComparison.Ordinal)))
            {
                await CompleteAsync(context, path[(Prefix.Length + "invocation/".Length)..]);
            }
            else
            {
                await AnswerAsync(context, 404,
                    $$"""{"errorMessage":"no such Runtime API path: {{request.HttpMethod}} {{path}}","errorType":"InvalidRequest"}""");
            }
        }
        catch (OperationCanceledException)
        {
            context.Response.Abort();
        }
        catch (Exception e) when (e is HttpListenerException or IOException or ObjectDisposedException or InvalidOperationException)
        {
            context.Response.Abort();
        }
    }

    private async Task NextAsync(HttpListenerContext context)
    {
        Interlocked.CompareExchange(ref _firstNext, Stopwatch.GetTimestamp(), 0);
        lock (_gate)
        {
            if (_current is { } held && !held.Result.Task.IsCompleted)
            {
                // One invocation at a time: the runtime must answer the event it holds before it asks for another.
                _current = null;
                held.Result.TrySetResult(
                    InvocationResult.Error(
                    InvocationResultKind.FunctionError, held.RequestId, "Runtime.InvalidStateTransition",
                    "the runtime asked for the next event without answering this one", Stopwatch.GetElapsedTime(held.StartedTimestamp)));
            }
        }

        PendingInvocation next;
        do
        {
            next = await _queue.Reader.ReadAsync(_stopping.Token);
        }
        while (next.Result.Task.IsCompleted);

        lock (_gate)
        {
            _current = next;
        }

        var headers = context.Response.Headers;
        headers["Lambda-Runtime-Aws-Request-Id"] = next.RequestId;
        headers["Lambda-Runtime-Deadline-Ms"] = next.Deadline.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        headers["Lambda-Runtime-Invoked-Function-Arn"] = FunctionArn;
        if (next.TraceId is not null)
        {
            headers["Lambda-Runtime-Trace-Id"] = next.TraceId;
        }

        context.Response.StatusCode = 200;
        context.Response.ContentType = "application/json";
        context.Response.ContentLength64 = next.Payload.Length;
        await context.Response.OutputStream.WriteAsync(next.Payload, _stopping.Token);
        context.Response.Close();
    }

    private async Task CompleteAsync(HttpListenerContext context, string rest)
    {
        var isError = rest.EndsWith("/error", StringComparison.Ordinal);
        var requestId = Uri.UnescapeDataString(rest[..rest.LastIndexOf('/')]);
        PendingInvocation? current;
        lock (_gate)
        {
            current = _current?.RequestId == requestId ? _current : null;
        }

        if (current is null || current.Result.Task.IsCompleted)
        {
            await AnswerAsync(context, 400,
                $$"""{"errorMessage":"invocation {{requestId}} is not the one this runtime holds","errorType":"InvalidRequestID"}""");
            return;
        }

        var body = await ReadBoundedAsync(context.Request, isError ? MaxErrorBytes : MaxResponseBytes);
        var duration = Stopwatch.GetElapsedTime(current.StartedTimestamp);
        if (body is null)
        {
            var limit = isError ? MaxErrorBytes : MaxResponseBytes;
            current.Result.TrySetResult(
                InvocationResult.Error(
                InvocationResultKind.FunctionError, requestId, "Function.ResponseSizeTooLarge",
                $"Response payload size exceeded maximum allowed payload size ({limit} bytes).", duration));
            await AnswerAsync(context, 413,
                $$"""{"errorMessage":"Exceeded maximum allowed payload size ({{limit}} bytes).","errorType":"RequestEntityTooLarge"}""");
            return;
        }

        current.Result.TrySetResult(isError
            ? new InvocationResult(InvocationResultKind.FunctionError, requestId, body,
                context.Request.Headers["Lambda-Runtime-Function-Error-Type"], duration)
            : new InvocationResult(InvocationResultKind.Response, requestId, body, null, duration));
        await AnswerAsync(context, 202, """{"status":"OK"}""");
    }

    /// <summary>
    /// Reads the body, or returns null when it passes <paramref name="limit"/>. An oversize body is read to its end and
    /// dropped (up to <see cref="MaxDrainBytes"/>), not cut off: a runtime still sending would meet a broken pipe and die
    /// (aws-lambda-dotnet's RuntimeSupport does), where Lambda answers it 413 and the environment lives on.
    /// </summary>
    private async Task<byte[]?> ReadBoundedAsync(HttpListenerRequest request, int limit)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[64 * 1024];
        long total = 0;
        int read;
        while ((read = await request.InputStream.ReadAsync(chunk, _stopping.Token)) > 0)
        {
            total += read;
            if (total <= limit)
            {
                buffer.Write(chunk, 0, read);
            }
            else if (total > MaxDrainBytes)
            {
                throw new IOException($"a body of more than {MaxDrainBytes} bytes is not read");
            }
        }

        return total > limit ? null : buffer.ToArray();
    }

    private static async Task AnswerAsync(HttpListenerContext context, int status, string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        context.Response.ContentLength64 = bytes.Length;
        await context.Response.OutputStream.WriteAsync(bytes);
        context.Response.Close();
    }
}
