namespace FailoverOrchestrator.LocalCloud.Http;

/// <summary>
/// One regional endpoint on its own loopback port (an ARC cluster endpoint; the Route 53 API, which is served from
/// us-east-1). It answers only requests signed for its region, as a real endpoint refuses a credential scoped to
/// another. Taken down, its port refuses connections; brought up, it listens on the same port again.
/// </summary>
/// <param name="region">The only region whose signed requests the endpoint accepts.</param>
/// <param name="path">The path the endpoint is listed with (<c>/v1</c> for a cluster endpoint), empty for none.</param>
/// <param name="dispatch">Answers the requests the endpoint accepts.</param>
internal sealed class RegionalEndpointHost(string region, string path,
    Func<LocalRequest, CancellationToken, Task<LocalResponse>> dispatch) : IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private LoopbackHttpHost? _host;
    private int _port;

    public string Region { get; } = region;

    /// <summary>Gets the endpoint as it is listed (a cluster endpoint with its <c>/v1</c> path).</summary>
    public Uri Endpoint => new($"http://127.0.0.1:{_port}{path}");

    public bool IsUp => _host is not null;

    public async Task StartAsync()
    {
        await _gate.WaitAsync();
        try
        {
            if (_host is not null)
            {
                return;
            }

            var host = new LoopbackHttpHost(_port, ServeAsync);
            host.Start();
            _port = host.Endpoint!.Port;
            _host = host;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Stops listening: a connection to the endpoint is refused until <see cref="StartAsync"/>.</summary>
    public async Task StopAsync()
    {
        await _gate.WaitAsync();
        try
        {
            if (_host is { } host)
            {
                _host = null;
                await host.DisposeAsync();
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _gate.Dispose();
    }

    private Task<LocalResponse> ServeAsync(LocalRequest request, CancellationToken cancellationToken) =>
        request.Region is { } signed && signed != Region
            ? Task.FromResult(new LocalResponse(403, "application/x-amz-json-1.0", $$"""{"__type":"InvalidSignatureException","message":"Credential should be scoped to a valid region, not '{{signed}}'. "}""") { ErrorCode = "InvalidSignatureException" })
            : dispatch(request, cancellationToken);
}
