using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using FailoverOrchestrator.LocalCloud.Calls;
using FailoverOrchestrator.LocalCloud.Ecs;
using FailoverOrchestrator.LocalCloud.Faults;
using FailoverOrchestrator.LocalCloud.Http;
using FailoverOrchestrator.LocalCloud.Route53;
using FailoverOrchestrator.LocalCloud.Sns;

namespace FailoverOrchestrator.LocalCloud;

/// <summary>
/// An HTTP stand-in for Route 53, ECS and SNS on 127.0.0.1 that speaks their wire protocols, keeps state,
/// validates like AWS and injects faults on demand. Seed and inspect it through <see cref="Route53"/>,
/// <see cref="Ecs"/>, <see cref="Sns"/>, <see cref="Faults"/> and <see cref="Calls"/>.
/// </summary>
internal sealed class LocalCloudServer : IAsyncDisposable
{
    private const int PortAttempts = 10;

    private readonly LocalCloudOptions _options;
    private readonly RequestDispatcher _dispatcher;
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<int, Task> _inFlight = new();
    private HttpListener? _listener;
    private Task? _acceptLoop;
    private int _nextRequest;

    public LocalCloudServer(LocalCloudOptions? options = null)
    {
        _options = options ?? new LocalCloudOptions();
        Route53 = new Route53Store(_options.TimeProvider, _options.ChangePropagationDelay);
        Ecs = new EcsStore(_options.TimeProvider, _options.EcsTasksPerSecond, _options.AccountId);
        Sns = new SnsStore(_options.TimeProvider, _options.AccountId);
        Faults = new FaultInjector(_options.FaultSeed);
        Calls = new CallLog();
        IServiceEndpoint[] endpoints = [new Route53Endpoint(Route53), new EcsEndpoint(Ecs), new SnsEndpoint(Sns)];
        _dispatcher = new RequestDispatcher(endpoints, Faults, Calls, _options.TimeProvider);
    }

    public Route53Store Route53 { get; }

    public EcsStore Ecs { get; }

    public SnsStore Sns { get; }

    public FaultInjector Faults { get; }

    public CallLog Calls { get; }

    /// <summary>Gets the base address, for example <c>http://127.0.0.1:41234/</c>, once started.</summary>
    public Uri Endpoint { get; private set; } = new("http://127.0.0.1/");

    /// <summary>Creates a server and starts it.</summary>
    public static LocalCloudServer Start(LocalCloudOptions? options = null)
    {
        var server = new LocalCloudServer(options);
        server.Start();
        return server;
    }

    /// <summary>Starts listening; with port 0, on a free port (retried if another process takes it first).</summary>
    public void Start()
    {
        if (_listener is not null)
        {
            throw new InvalidOperationException("LocalCloud is already started.");
        }

        for (var attempt = 1; ; attempt++)
        {
            var port = _options.Port != 0 ? _options.Port : FreePort();
            var listener = new HttpListener { IgnoreWriteExceptions = true };
            listener.Prefixes.Add($"http://127.0.0.1:{port}/");
            listener.Prefixes.Add($"http://localhost:{port}/");
            try
            {
                listener.Start();
            }
            catch (HttpListenerException) when (_options.Port == 0 && attempt < PortAttempts)
            {
                listener.Close();
                continue;
            }

            _listener = listener;
            Endpoint = new Uri($"http://127.0.0.1:{port}/");
            _acceptLoop = Task.Run(AcceptLoopAsync);
            return;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_listener is null)
        {
            _stopping.Dispose();
            return;
        }

        await _stopping.CancelAsync();
        _listener.Stop();
        if (_acceptLoop is not null)
        {
            await _acceptLoop;
        }

        await Task.WhenAll(_inFlight.Values);
        _listener.Close();
        _stopping.Dispose();
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener!.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                // Stop() ends a pending GetContextAsync this way.
                break;
            }

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
    }

    private async Task ServeAsync(HttpListenerContext context)
    {
        var requestId = Guid.NewGuid().ToString();
        LocalResponse response;
        try
        {
            var request = await ReadAsync(context.Request, requestId);
            response = await _dispatcher.DispatchAsync(request, _stopping.Token);
        }
        catch (OperationCanceledException)
        {
            response = new LocalResponse(503, "text/plain", "LocalCloud is stopping.");
        }
#pragma warning disable CA1031 // A defect in one handler must answer 500, not leave the client hanging.
        catch (Exception e)
#pragma warning restore CA1031
        {
            response = new LocalResponse(500, "text/plain", $"LocalCloud failed: {e.GetType().Name}: {e.Message}");
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
