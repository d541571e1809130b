using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;

namespace FailoverOrchestrator.LocalCloud.Route53;

/// <summary>
/// Route 53's DNS data plane on loopback, as the function's resolver: UDP and TCP on one port of 127.0.0.1. A UDP answer
/// longer than <see cref="UdpLimit"/> bytes (512 by RFC 1035 without EDNS) is cut and flagged TC, and the same query over
/// TCP gets it whole. It shares nothing with the Route 53 API's port: taking that API down leaves DNS answering.
/// Stopped, its port refuses (ICMP port unreachable, a refused connection) and it keeps its number across a restart.
/// </summary>
internal sealed class DnsResponder(DnsAnswerer answerer) : IAsyncDisposable
{
    private Socket? _udp;
    private TcpListener? _tcp;
    private CancellationTokenSource? _stop;
    private Task _loops = Task.CompletedTask;
    private int _port;
    private int _queries;

    /// <summary>Gets or sets the largest UDP answer; a test lowers it to make answers truncated.</summary>
    public int UdpLimit { get; set; } = 512;

    /// <summary>Gets the address to give a resolver setting, for example 127.0.0.1:40123.</summary>
    public IPEndPoint EndPoint =>
        new(IPAddress.Loopback, _port == 0 ? throw new InvalidOperationException("The DNS responder is not started.") : _port);

    /// <summary>Gets how many queries were answered (UDP and TCP).</summary>
    public int Queries => Volatile.Read(ref _queries);

    public Task StartAsync()
    {
        if (_udp is not null)
        {
            return Task.CompletedTask;
        }

        // UDP and TCP on the same number: take a free UDP port, then the same for TCP, and try again if it is taken.
        for (var attempt = 0; ; attempt++)
        {
            var udp = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            try
            {
                udp.Bind(new IPEndPoint(IPAddress.Loopback, _port));
                var port = ((IPEndPoint)udp.LocalEndPoint!).Port;
                var tcp = new TcpListener(IPAddress.Loopback, port);
                tcp.Start();
                (_udp, _tcp, _port) = (udp, tcp, port);
                break;
            }
            catch (SocketException) when (attempt < 20 && _port == 0)
            {
                udp.Dispose();
            }
        }

        _stop = new CancellationTokenSource();
        _loops = Task.WhenAll(ServeUdpAsync(_udp, _stop.Token), ServeTcpAsync(_tcp!, _stop.Token));
        return Task.CompletedTask;
    }

    public async Task StopAsync()
    {
        if (_stop is null)
        {
            return;
        }

        await _stop.CancelAsync();
        _udp?.Dispose();
        _tcp?.Stop();
        try
        {
            await _loops;
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Closed under the loops.
        }

        _stop.Dispose();
        (_stop, _udp, _tcp) = (null, null, null);
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    /// <summary>The answer to one message: a FORMERR when it is no query this responder reads, SERVFAIL when answering fails.</summary>
    public byte[] Respond(ReadOnlySpan<byte> message, int limit)
    {
        if (DnsPacket.ReadQuery(message) is not { } question)
        {
            return DnsPacket.WriteFormatError(message);
        }

        Interlocked.Increment(ref _queries);
        if (question.Class != 1)
        {
            return DnsPacket.WriteResponse(question, DnsPacket.Refused, [], limit);
        }

        try
        {
            var (code, answers) = answerer.Answer(question.Name, question.Type);
            return DnsPacket.WriteResponse(question, code, answers, limit);
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or Http.ServiceErrorException)
        {
            return DnsPacket.WriteResponse(question, DnsPacket.ServerFailure, [], limit);
        }
    }

    private async Task ServeUdpAsync(Socket socket, CancellationToken cancellationToken)
    {
        var buffer = new byte[4096];
        EndPoint any = new IPEndPoint(IPAddress.Any, 0);
        while (!cancellationToken.IsCancellationRequested)
        {
            SocketReceiveFromResult received;
            try
            {
                received = await socket.ReceiveFromAsync(buffer, SocketFlags.None, any, cancellationToken);
            }
            catch (SocketException ex) when (ex.SocketErrorCode == SocketError.ConnectionReset)
            {
                continue;
            }

            var reply = Respond(buffer.AsSpan(0, received.ReceivedBytes), UdpLimit);
            await socket.SendToAsync(reply, SocketFlags.None, received.RemoteEndPoint, cancellationToken);
        }
    }

    private async Task ServeTcpAsync(TcpListener listener, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            var client = await listener.AcceptTcpClientAsync(cancellationToken);
            _ = AnswerTcpAsync(client, cancellationToken);
        }
    }

    private async Task AnswerTcpAsync(TcpClient client, CancellationToken cancellationToken)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                var prefix = new byte[2];
                await stream.ReadExactlyAsync(prefix, cancellationToken);
                var message = new byte[BinaryPrimitives.ReadUInt16BigEndian(prefix)];
                await stream.ReadExactlyAsync(message, cancellationToken);
                var reply = Respond(message, ushort.MaxValue);
                var framed = new byte[reply.Length + 2];
                BinaryPrimitives.WriteUInt16BigEndian(framed, (ushort)reply.Length);
                reply.CopyTo(framed, 2);
                await stream.WriteAsync(framed, cancellationToken);
            }
            catch (Exception ex) when (ex is IOException or OperationCanceledException or EndOfStreamException)
            {
                // The client went away or the responder stopped.
            }
        }
    }
}
