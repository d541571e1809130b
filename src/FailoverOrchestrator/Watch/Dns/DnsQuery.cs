using System.Buffers.Binary;
using System.Text;

namespace FailoverOrchestrator.Watch.Dns;

/// <summary>
/// Encodes a standard query (RFC 1035 section 4.1): one question of class IN, recursion desired (a stub resolver asks
/// the VPC's resolver, which recurses), no EDNS, so every answer the watch needs fits the 512 bytes of plain UDP.
/// </summary>
internal static class DnsQuery
{
    private const ushort RecursionDesired = 0x0100;
    private const ushort ClassIn = 1;

    public static byte[] Encode(ushort id, string name, DnsRecordType type)
    {
        var labels = Labels(name);
        var message = new byte[12 + labels.Sum(l => l.Length + 1) + 1 + 4];
        var span = message.AsSpan();
        BinaryPrimitives.WriteUInt16BigEndian(span, id);
        BinaryPrimitives.WriteUInt16BigEndian(span[2..], RecursionDesired);
        BinaryPrimitives.WriteUInt16BigEndian(span[4..], 1);
        var at = 12;
        foreach (var label in labels)
        {
            message[at++] = (byte)label.Length;
            label.CopyTo(span[at..]);
            at += label.Length;
        }

        message[at++] = 0;
        BinaryPrimitives.WriteUInt16BigEndian(span[at..], (ushort)type);
        BinaryPrimitives.WriteUInt16BigEndian(span[(at + 2)..], ClassIn);
        return message;
    }

    /// <summary>A name as the watch compares it: lower case, without the trailing dot.</summary>
    public static string Normalize(string name) => name.Trim().TrimEnd('.').ToLowerInvariant();

    private static List<byte[]> Labels(string name)
    {
        var normalized = Normalize(name);
        if (normalized.Length == 0)
        {
            throw new DnsFormatException("the name to resolve is empty");
        }

        // RFC 1035 section 2.3.4: labels of 63 octets or less, names of 255 octets or less (with length bytes and the root).
        var labels = normalized.Split('.').Select(Encoding.ASCII.GetBytes).ToList();
        if (labels.Any(l => l.Length is 0 or > 63) || labels.Sum(l => l.Length + 1) + 1 > 255 || !normalized.All(char.IsAscii))
        {
            throw new DnsFormatException($"'{name}' is not a DNS name (ASCII labels of 1 to 63 characters, 255 in all)");
        }

        return labels;
    }
}
