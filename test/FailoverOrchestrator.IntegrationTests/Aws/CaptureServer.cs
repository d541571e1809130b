using System.Net;
using System.Net.Sockets;
using System.Text;

namespace FailoverOrchestrator.IntegrationTests.Aws;

/// <summary>
/// An HTTP server on 127.0.0.1 that records every request and answers with a canned, valid response for the
/// operation it recognises, so that any client can be pointed at it and its requests compared.
/// </summary>
internal sealed class CaptureServer : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Func<CapturedRequest, CannedResponse> _respond;
    private readonly List<CapturedRequest> _requests = [];
    private readonly Task _loop;

    public CaptureServer(Func<CapturedRequest, CannedResponse> respond)
    {
        _respond = respond;
        Port = FreePort();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _loop = Task.Run(AcceptLoopAsync);
    }

    public int Port { get; }

    public Uri Endpoint => new($"http://127.0.0.1:{Port}");

    /// <summary>Returns the requests received so far and forgets them.</summary>
    public IReadOnlyList<CapturedRequest> TakeRequests()
    {
        lock (_requests)
        {
            var taken = _requests.ToList();
            _requests.Clear();
            return taken;
        }
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        try
        {
            _listener.Close();
        }
        catch (HttpListenerException)
        {
            // Close looks the released endpoint up again and may find its port taken by another test's server.
        }

        try
        {
            await _loop;
        }
        catch (HttpListenerException)
        {
            // Stopping the listener ends the pending accept with this exception.
        }
        catch (ObjectDisposedException)
        {
        }
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private async Task AcceptLoopAsync()
    {
        while (_listener.IsListening)
        {
            var context = await _listener.GetContextAsync();
            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            var headers = context.Request.Headers.AllKeys
                .Where(k => k is not null)
                .ToDictionary(k => k!.ToLowerInvariant(), k => context.Request.Headers[k]!, StringComparer.Ordinal);
            var request = new CapturedRequest(context.Request.HttpMethod, context.Request.RawUrl ?? "/", headers, body);
            lock (_requests)
            {
                _requests.Add(request);
            }

            var canned = _respond(request);
            var bytes = Encoding.UTF8.GetBytes(canned.Body);
            context.Response.StatusCode = canned.Status;
            context.Response.ContentType = canned.ContentType;
            context.Response.AddHeader("x-amzn-RequestId", "11111111-2222-3333-4444-555555555555");
            context.Response.ContentLength64 = bytes.Length;
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
    }
}

/// <summary>What the capture server answers.</summary>
internal sealed record CannedResponse(int Status, string ContentType, string Body);
