using System.Net;
using System.Net.Sockets;

namespace FailoverOrchestrator.LocalCloud.Http;

/// <summary>Starts an <see cref="HttpListener"/> on loopback and accepts its connections: what every LocalCloud server shares.</summary>
internal static class LoopbackListener
{
    private const int PortAttempts = 10;

    /// <summary>
    /// Starts listening on 127.0.0.1 (and <c>localhost</c> when <paramref name="alsoLocalhost"/>) at
    /// <paramref name="port"/>; with port 0, on a free port, retried if another process takes it first.
    /// </summary>
    public static (HttpListener Listener, int Port) Start(int port, bool alsoLocalhost)
    {
        for (var attempt = 1; ; attempt++)
        {
            var chosen = port != 0 ? port : FreePort();
            var listener = new HttpListener { IgnoreWriteExceptions = true };
            listener.Prefixes.Add($"http://127.0.0.1:{chosen}/");
            if (alsoLocalhost)
            {
                listener.Prefixes.Add($"http://localhost:{chosen}/");
            }

            try
            {
                listener.Start();
                return (listener, chosen);
            }
            catch (HttpListenerException) when (port == 0 && attempt < PortAttempts)
            {
                listener.Close();
            }
        }
    }

    /// <summary>Hands each connection to <paramref name="serve"/> until the listener stops.</summary>
    public static async Task AcceptAsync(HttpListener listener, Action<HttpListenerContext> serve, CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                // Stop() ends a pending GetContextAsync this way.
                break;
            }

            serve(context);
        }
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
