using System.Buffers.Binary;
using System.Net;
using System.Text;

namespace FailoverOrchestrator.LocalCloud.Route53;

/// <summary>
/// The responder's side of RFC 1035 section 4: reads a query's header and single question (EDNS and other additional
/// records are ignored), and writes a response with the question echoed and the answers' owner names compressed to
/// a pointer at the question where they match it, as resolvers do.
/// </summary>
internal static class DnsPacket
{
    public const int FormatError = 1;
    public const int ServerFailure = 2;
    public const int NameError = 3;
    public const int NotImplemented = 4;
    public const int Refused = 5;

    /// <summary>The question, or null when the message is not a one-question standard query this responder can read.</summary>
    public static DnsQuestion? ReadQuery(ReadOnlySpan<byte> message)
    {
        if (message.Length < 12)
        {
            return null;
        }

        var flags = BinaryPrimitives.ReadUInt16BigEndian(message[2..]);
        if ((flags & 0x8000) != 0 || ((flags >> 11) & 0xF) != 0 || BinaryPrimitives.ReadUInt16BigEndian(message[4..]) != 1)
        {
            return null;
        }

        var labels = new List<string>();
        var at = 12;
        while (at < message.Length && message[at] != 0)
        {
            int size = message[at];
            if (size > 63 || at + 1 + size > message.Length)
            {
                return null;
            }

            labels.Add(Encoding.ASCII.GetString(message.Slice(at + 1, size)).ToLowerInvariant());
            at += size + 1;
        }

        if (at + 5 > message.Length)
        {
            return null;
        }

        return new DnsQuestion(
            BinaryPrimitives.ReadUInt16BigEndian(message),
            (flags & 0x0100) != 0,
            string.Join('.', labels) + ".",
            BinaryPrimitives.ReadUInt16BigEndian(message[(at + 1)..]),
            BinaryPrimitives.ReadUInt16BigEndian(message[(at + 3)..]));
    }

    /// <summary>
    /// A response (recursion available, not authoritative: it stands in for the VPC's resolver); TC set when it had to
    /// cut answers to fit <paramref name="limit"/>.
    /// </summary>
    public static byte[] WriteResponse(DnsQuestion question, int responseCode, IReadOnlyList<DnsAnswer> answers, int limit)
    {
        var body = new List<byte>();
        WriteName(body, question.Name);
        WriteUInt16(body, question.Type);
        WriteUInt16(body, question.Class);
        var written = 0;
        var truncated = false;
        foreach (var answer in answers)
        {
            var record = AnswerRecord(question, answer);
            if (12 + body.Count + record.Count > limit)
            {
                truncated = true;
                break;
            }

            body.AddRange(record);
            written++;
        }

        var header = new byte[12];
        BinaryPrimitives.WriteUInt16BigEndian(header, question.Id);
        var flags = 0x8000 | 0x0080 | (question.RecursionDesired ? 0x0100 : 0) | (truncated ? 0x0200 : 0) | responseCode;
        BinaryPrimitives.WriteUInt16BigEndian(header.AsSpan(2), (ushort)flags);
        BinaryPrimitives.WriteUInt16BigEndian(header.AsSpan(4), 1);
        BinaryPrimitives.WriteUInt16BigEndian(header.AsSpan(6), (ushort)written);
        return [.. header, .. body];
    }

    /// <summary>The header of an error answer to a message that could not be read as a query: same id, FORMERR, no question.</summary>
    public static byte[] WriteFormatError(ReadOnlySpan<byte> message)
    {
        var header = new byte[12];
        if (message.Length >= 2)
        {
            message[..2].CopyTo(header);
        }

        BinaryPrimitives.WriteUInt16BigEndian(header.AsSpan(2), 0x8000 | FormatError);
        return header;
    }

    /// <summary>One answer's resource record; its owner name is a pointer to the question's when they are the same.</summary>
    private static List<byte> AnswerRecord(DnsQuestion question, DnsAnswer answer)
    {
        var record = new List<byte>();
        if (answer.Name == question.Name)
        {
            record.AddRange([0xC0, 12]);
        }
        else
        {
            WriteName(record, answer.Name);
        }

        WriteUInt16(record, answer.Type);
        WriteUInt16(record, 1);
        WriteUInt16(record, (ushort)(answer.Ttl >> 16));
        WriteUInt16(record, (ushort)answer.Ttl);
        var data = new List<byte>();
        if (answer.Type == DnsAnswer.Cname)
        {
            WriteName(data, answer.Value);
        }
        else
        {
            data.AddRange(IPAddress.Parse(answer.Value).GetAddressBytes());
        }

        WriteUInt16(record, (ushort)data.Count);
        record.AddRange(data);
        return record;
    }

    private static void WriteName(List<byte> to, string name)
    {
        foreach (var label in name.TrimEnd('.').Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            to.Add((byte)label.Length);
            to.AddRange(Encoding.ASCII.GetBytes(label));
        }

        to.Add(0);
    }

    private static void WriteUInt16(List<byte> to, ushort value)
    {
        to.Add((byte)(value >> 8));
        to.Add((byte)value);
    }
}
