using System.Diagnostics;
using System.Net;
using FailoverOrchestrator.LocalCloud.Http;

namespace FailoverOrchestrator.LocalCloud.Lambda;

/// <summary>
/// Our stand-in for one Lambda execution environment's Runtime API (2018-06-01) on 127.0.0.1: callers queue events
/// with <see cref="InvokeAsync"/>, the function process takes them with <c>GET …/invocation/next</c> one at a time and
/// answers on <c>…/response</c> or <c>…/error</c>, or reports <c>…/init/error</c>. Bounded like Lambda: a queue of
/// <see cref="MaxQueued"/> events, 6 MB payloads and responses, 1 MB error documents. This class routes the Runtime
/// API's paths; <see cref="InvocationQueue"/> holds the events and <see cref="RuntimeApiMessages"/> the bodies.
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
    private const string InvocationPrefix = Prefix + "invocation/";
    private readonly InvocationQueue _events = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly HttpListener _listener;
    private readonly Task _acceptLoop;
    private readonly TimeProvider _time;
    private long _firstNext;
    private InvocationResult? _initError;

    private RuntimeApiServer(HttpListener listener, int port, string functionArn, TimeProvider time)
    {
        _listener = listener;
        _time = time;
        Address = $"127.0.0.1:{port}";
        FunctionArn = functionArn;
        _acceptLoop = Task.Run(() => LoopbackListener.AcceptAsync(listener, c => _ = Task.Run(() => ServeAsync(c)), _stopping.Token));
    }

    /// <summary>What <c>AWS_LAMBDA_RUNTIME_API</c> is set to: host and port.</summary>
    public string Address { get; }

    public string FunctionArn { get; }

    /// <summary>The <see cref="Stopwatch"/> timestamp of the first <c>GET …/next</c>, or 0 before it: the end of the cold start as Lambda
    /// sees it.</summary>
    public long FirstNextTimestamp => Interlocked.Read(ref _firstNext);

    /// <summary>The init error the runtime reported, if any.</summary>
    public InvocationResult? InitError => Volatile.Read(ref _initError);

    /// <param name="functionArn">The invoked function's ARN, sent with each event.</param>
    /// <param name="time">The clock the events' deadlines are set by (the function compares them with its own clock).</param>
    public static RuntimeApiServer Start(string functionArn, TimeProvider time)
    {
        var (listener, port) = LoopbackListener.Start(0, alsoLocalhost: false);
        return new RuntimeApiServer(listener, port, functionArn, time);
    }

    /// <summary>Invokes the function synchronously (RequestResponse): queues the event and waits for its answer until
    /// <paramref name="timeout"/>.</summary>
    public async Task<InvocationResult> InvokeAsync(byte[] payload, TimeSpan timeout, string? traceId = null,
        CancellationToken cancellationToken = default)
    {
        var requestId = Guid.NewGuid().ToString();
        if (payload.Length > MaxPayloadBytes)
        {
            return InvocationErrors.PayloadTooLarge(requestId);
        }

        var pending = new PendingInvocation(requestId, payload, _time.GetUtcNow() + timeout, traceId, Stopwatch.GetTimestamp());
        return await _events.InvokeAsync(pending, timeout, cancellationToken);
    }

    /// <summary>The function process ended: what it held or would have taken fails as Lambda reports it (init error, else
    /// Runtime.ExitError).</summary>
    public void EnvironmentExited(int exitCode) =>
        _events.Exited(InvocationErrors.Exited($"Runtime exited with error: exit status {exitCode}"));

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _listener.Stop();
        await _acceptLoop;
        _listener.Close();
        _events.FailAll(InvocationErrors.Exited("the execution environment was shut down"));
        _stopping.Dispose();
    }

    private async Task ServeAsync(HttpListenerContext context)
    {
        try
        {
            await RouteAsync(context);
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

    private Task RouteAsync(HttpListenerContext context)
    {
        var method = context.Request.HttpMethod;
        var path = context.Request.Url?.AbsolutePath ?? "/";
        if (method == "GET" && path == InvocationPrefix + "next")
        {
            return NextAsync(context);
        }

        if (method == "POST" && path == Prefix + "init/error")
        {
            return InitErrorAsync(context);
        }

        if (method == "POST" && path.StartsWith(InvocationPrefix, StringComparison.Ordinal)
            && (path.EndsWith("/response", StringComparison.Ordinal) || path.EndsWith("/error", StringComparison.Ordinal)))
        {
            return CompleteAsync(context, path[InvocationPrefix.Length..]);
        }

        return RuntimeApiMessages.AnswerAsync(context, 404,
            RuntimeApiMessages.Error("InvalidRequest", $"no such Runtime API path: {method} {path}"));
    }

    private async Task NextAsync(HttpListenerContext context)
    {
        Interlocked.CompareExchange(ref _firstNext, Stopwatch.GetTimestamp(), 0);
        var next = await _events.TakeNextAsync(_stopping.Token);
        await RuntimeApiMessages.SendEventAsync(context.Response, next, FunctionArn, _stopping.Token);
    }

    private async Task InitErrorAsync(HttpListenerContext context)
    {
        var body = await RuntimeApiMessages.ReadBoundedAsync(context.Request, MaxErrorBytes, _stopping.Token);
        var initError = new InvocationResult(InvocationResultKind.InitError, string.Empty, body ?? [],
            context.Request.Headers["Lambda-Runtime-Function-Error-Type"], TimeSpan.Zero);
        Volatile.Write(ref _initError, initError);
        _events.Die(initError);
        await RuntimeApiMessages.AnswerAsync(context, 202, RuntimeApiMessages.Accepted);
    }

    /// <summary>Takes the runtime's <c>…/response</c> or <c>…/error</c> for the event it holds.</summary>
    private async Task CompleteAsync(HttpListenerContext context, string rest)
    {
        var isError = rest.EndsWith("/error", StringComparison.Ordinal);
        var requestId = Uri.UnescapeDataString(rest[..rest.LastIndexOf('/')]);
        if (_events.Held(requestId) is not { } current)
        {
            await RuntimeApiMessages.AnswerAsync(context, 400,
                RuntimeApiMessages.Error("InvalidRequestID", $"invocation {requestId} is not the one this runtime holds"));
            return;
        }

        var limit = isError ? MaxErrorBytes : MaxResponseBytes;
        var body = await RuntimeApiMessages.ReadBoundedAsync(context.Request, limit, _stopping.Token);
        if (body is null)
        {
            current.Result.TrySetResult(InvocationErrors.ResponseTooLarge(requestId, limit, current.Elapsed));
            await RuntimeApiMessages.AnswerAsync(context, 413,
                RuntimeApiMessages.Error("RequestEntityTooLarge", $"Exceeded maximum allowed payload size ({limit} bytes)."));
            return;
        }

        var errorType = isError ? context.Request.Headers["Lambda-Runtime-Function-Error-Type"] : null;
        current.Result.TrySetResult(new InvocationResult(
            isError ? InvocationResultKind.FunctionError : InvocationResultKind.Response, requestId, body, errorType, current.Elapsed));
        await RuntimeApiMessages.AnswerAsync(context, 202, RuntimeApiMessages.Accepted);
    }
}
