using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace FailoverOrchestrator.LocalCloud.Dynalite;

/// <summary>
/// An in-memory dynalite (a DynamoDB implementation on Node.js) listening on 127.0.0.1. Disposing it kills the process
/// tree. Start it with <see cref="StartAsync"/>.
/// </summary>
internal sealed class DynaliteServer : IAsyncDisposable, IDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);
    private const int StartAttempts = 3;

    private readonly Process _process;

    private DynaliteServer(Process process, int port)
    {
        _process = process;
        Port = port;
        Endpoint = string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}");
    }

    /// <summary>The endpoint URL, for <c>AWS_ENDPOINT_URL_DYNAMODB</c> or a client's ServiceURL.</summary>
    public string Endpoint { get; }

    public int Port { get; }

    /// <summary>Starts dynalite on a free loopback port and returns once it answers.</summary>
    /// <param name="dynalitePath">The dynalite package folder or its cli.js; null looks at <c>DYNALITE_PATH</c>, then the
    /// repository.</param>
    /// <param name="tableStateMs">How long tables stay CREATING, DELETING or UPDATING (dynalite's default is 500 ms).</param>
    /// <param name="cancellationToken">Stops waiting for dynalite to answer (the process is stopped).</param>
    public static async Task<DynaliteServer> StartAsync(string? dynalitePath = null, int tableStateMs = 0,
        CancellationToken cancellationToken = default)
    {
        var cli = DynaliteLocator.FindCli(dynalitePath);
        var failures = new StringBuilder();

        // The free port is found by binding port 0 and letting it go, so another process may take it before dynalite
        // binds it (dynalite's CLI treats port 0 as its default, 4567); a start that dies on EADDRINUSE is tried again.
        for (var attempt = 1; attempt <= StartAttempts; attempt++)
        {
            var port = FreeLoopbackPort();
            var server = await TryStartAsync(cli, port, tableStateMs, failures, cancellationToken);
            if (server is not null)
            {
                return server;
            }
        }

        throw new InvalidOperationException(
            $"dynalite ({cli}) did not start after {StartAttempts} attempts:{Environment.NewLine}{failures}");
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
            // Exited between the check and the kill.
        }

        _process.Dispose();
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    private static async Task<DynaliteServer?> TryStartAsync(string cli, int port, int tableStateMs, StringBuilder failures,
        CancellationToken cancellationToken)
    {
        var listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var output = new StringBuilder();
        var server = new DynaliteServer(Launch(StartInfo(cli, port, tableStateMs), listening, output), port);
        try
        {
            await listening.Task.WaitAsync(StartTimeout, cancellationToken);
            await WaitUntilAnsweringAsync(server.Endpoint, cancellationToken);
            return server;
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException or HttpRequestException
            || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            server.Dispose();
            lock (output)
            {
                failures.AppendLine(CultureInfo.InvariantCulture, $"port {port}: {e.Message}: {output}");
            }

            return null;
        }
    }

    private static ProcessStartInfo StartInfo(string cli, int port, int tableStateMs)
    {
        var ms = tableStateMs.ToString(CultureInfo.InvariantCulture);
        return new ProcessStartInfo("node")
        {
            ArgumentList = { cli, "--host", "127.0.0.1", "--port", port.ToString(CultureInfo.InvariantCulture), "--createTableMs", ms,
                "--deleteTableMs", ms, "--updateTableMs", ms },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
    }

    /// <summary>
    /// Starts the process: <paramref name="listening"/> completes when dynalite says it listens (fails if it exits), and
    /// its standard error collects in <paramref name="output"/>.
    /// </summary>
    private static Process Launch(ProcessStartInfo startInfo, TaskCompletionSource listening, StringBuilder output)
    {
        var process = new Process { StartInfo = startInfo, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data?.Contains("listening", StringComparison.OrdinalIgnoreCase) == true)
            {
                listening.TrySetResult();
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (output)
                {
                    output.AppendLine(e.Data);
                }
            }
        };
        process.Exited += (_, _) => listening.TrySetException(new InvalidOperationException("dynalite exited"));
        try
        {
            process.Start();
        }
        catch (Win32Exception e)
        {
            process.Dispose();
            throw new InvalidOperationException(
                "Could not run 'node' to start dynalite: install Node.js 20 or later and put 'node' on PATH. " + e.Message, e);
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task WaitUntilAnsweringAsync(string endpoint, CancellationToken cancellationToken)
    {
        // dynalite answers an unsigned GET with an error document: any HTTP answer means it serves requests.
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        using var response = await http.GetAsync(new Uri(endpoint), cancellationToken);
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
