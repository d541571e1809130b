using System.Buffers.Binary;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;

namespace FailoverOrchestrator.Watch.Dns;

/// <summary>
/// A stub resolver: one query over UDP to the given resolver, with a random id, no retry (the schedule is the retry);
/// a datagram that does not answer this question (another id or question) is ignored, and a truncated answer (TC bit)
/// is asked again over TCP (RFC 1035 section 4.2.2: two-byte length prefix), as RFC 7766 requires of a stub.
/// The timeout covers the whole lookup.
/// </summary>
internal sealed class UdpDnsResolver : IDnsResolver
{
    private const int MaxUdpAnswer = 4096;

    public async Task<DnsLookup> QueryAsync(
        IPEndPoint server, string name, DnsRecordType type, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timer.CancelAfter(timeout);
        var id = (ushort)RandomNumberGenerator.GetInt32(0, 0x10000);
        try
        {
            var query = DnsQuery.Encode(id, name, type);
            var response = await OverUdpAsync(server, query, id, name, type, timer.Token);
            if (response.Truncated)
            {
                response = await OverTcpAsync(server, query, timer.Token);
                if (!response.IsAnswerTo(id, name, type))
                {
                    return DnsLookup.Failed(server, $"the TCP answer of {server} does not answer the question asked");
                }
            }

            return DnsLookup.Answered(server, response);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            var seconds = timeout.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture);
            return DnsLookup.Failed(server, $"no answer from {server} within {seconds} s");
        }
        catch (SocketException ex)
        {
            return DnsLookup.Failed(server, $"{server}: {ex.SocketErrorCode}");
        }
        catch (DnsFormatException ex)
        {
            return DnsLookup.Failed(server, $"a malformed answer from {server}: {ex.Message}");
        }
    }

    private static async Task<DnsResponse> OverUdpAsync(
        IPEndPoint server, byte[] query, ushort id, string name, DnsRecordType type, CancellationToken cancellationToken)
    {
        // Connected, so the kernel drops datagrams from anyone else and a closed port surfaces as ConnectionRefused.
        using var socket = new Socket(server.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        await socket.ConnectAsync(server, cancellationToken);
        await socket.SendAsync(query, SocketFlags.None, cancellationToken);
        var buffer = new byte[MaxUdpAnswer];
        while (true)
        {
            var received = await socket.ReceiveAsync(buffer, SocketFlags.None, cancellationToken);
            if (received >= 2 && BinaryPrimitives.ReadUInt16BigEndian(buffer) != id)
            {
                continue;
            }

            var response = DnsResponseReader.Read(buffer.AsSpan(0, received));
            if (response.IsAnswerTo(id, name, type))
            {
                return response;
            }
        }
    }

    private static async Task<DnsResponse> OverTcpAsync(IPEndPoint server, byte[] query, CancellationToken cancellationToken)
    {
        using var socket = new Socket(server.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(server, cancellationToken);
        var framed = new byte[query.Length + 2];
        BinaryPrimitives.WriteUInt16BigEndian(framed, (ushort)query.Length);
        query.CopyTo(framed, 2);
        await socket.SendAsync(framed, SocketFlags.None, cancellationToken);
        var prefix = new byte[2];
        await ReceiveExactlyAsync(socket, prefix, cancellationToken);
        var message = new byte[BinaryPrimitives.ReadUInt16BigEndian(prefix)];
        await ReceiveExactlyAsync(socket, message, cancellationToken);
        return DnsResponseReader.Read(message);
    }

    private static async Task ReceiveExactlyAsync(Socket socket, Memory<byte> buffer, CancellationToken cancellationToken)
    {
        while (buffer.Length > 0)
        {
            var received = await socket.ReceiveAsync(buffer, SocketFlags.None, cancellationToken);
            if (received == 0)
            {
                throw new DnsFormatException("the resolver closed the TCP connection inside an answer");
            }

            buffer = buffer[received..];
        }
    }
}
