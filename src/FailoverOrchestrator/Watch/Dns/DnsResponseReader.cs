using System.Buffers.Binary;
using System.Net;
using System.Text;

namespace FailoverOrchestrator.Watch.Dns;

/// <summary>
/// Decodes a DNS response (RFC 1035 section 4.1): the header, the question, and the answer section's A, AAAA and
/// CNAME records, following name compression pointers (section 4.1.4). The authority and additional sections are not
/// read. Anything that runs past the message or loops is a <see cref="DnsFormatException"/>.
/// </summary>
internal static class DnsResponseReader
{
    private const int HeaderLength = 12;
    private const int MaxNameLength = 255;

    public static DnsResponse Read(ReadOnlySpan<byte> message)
    {
        if (message.Length < HeaderLength)
        {
            throw new DnsFormatException($"{message.Length} bytes is shorter than a DNS header (12)");
        }

        var id = BinaryPrimitives.ReadUInt16BigEndian(message);
        var flags = BinaryPrimitives.ReadUInt16BigEndian(message[2..]);
        var questions = BinaryPrimitives.ReadUInt16BigEndian(message[4..]);
        var answers = BinaryPrimitives.ReadUInt16BigEndian(message[6..]);
        var at = HeaderLength;
        var (questionName, questionType) = ReadQuestions(message, ref at, questions);
        var records = new List<DnsResourceRecord>(answers);
        for (var i = 0; i < answers; i++)
        {
            records.Add(ReadAnswer(message, ref at));
        }

        return new DnsResponse(id, (flags & 0x8000) != 0, (flags & 0x0200) != 0, flags & 0x000F, questionName, questionType, records);
    }

    /// <summary>Reads the question section and moves past it; the first question's name and type are the answer's.</summary>
    private static (string Name, ushort Type) ReadQuestions(ReadOnlySpan<byte> message, ref int at, int questions)
    {
        var questionName = string.Empty;
        ushort questionType = 0;
        for (var i = 0; i < questions; i++)
        {
            var name = ReadName(message, ref at);
            var type = ReadUInt16(message, ref at);
            ReadUInt16(message, ref at);
            if (i == 0)
            {
                (questionName, questionType) = (name, type);
            }
        }

        return (questionName, questionType);
    }

    /// <summary>Reads one answer record at <paramref name="at"/> and moves past it.</summary>
    private static DnsResourceRecord ReadAnswer(ReadOnlySpan<byte> message, ref int at)
    {
        var owner = ReadName(message, ref at);
        var type = ReadUInt16(message, ref at);
        ReadUInt16(message, ref at);
        var ttl = (uint)(ReadUInt16(message, ref at) << 16) | ReadUInt16(message, ref at);
        var length = ReadUInt16(message, ref at);
        if (at + length > message.Length)
        {
            throw new DnsFormatException(
                $"an answer's data ({length} bytes at offset {at}) runs past the message ({message.Length} bytes)");
        }

        var data = message.Slice(at, length);
        var value = type switch
        {
            (ushort)DnsRecordType.A when length == 4 => new IPAddress(data).ToString(),
            (ushort)DnsRecordType.Aaaa when length == 16 => new IPAddress(data).ToString(),
            (ushort)DnsRecordType.A or (ushort)DnsRecordType.Aaaa =>
                throw new DnsFormatException($"an address record of {length} bytes"),
            (ushort)DnsRecordType.Cname => ReadNameAt(message, at),
            _ => string.Empty,
        };
        at += length;
        return new DnsResourceRecord(owner, type, ttl, value);
    }

    private static string ReadNameAt(ReadOnlySpan<byte> message, int at) => ReadName(message, ref at);

    /// <summary>Reads a name at <paramref name="at"/> and moves past it (a pointer ends it); lower case, no trailing dot.</summary>
    private static string ReadName(ReadOnlySpan<byte> message, ref int at)
    {
        var name = new StringBuilder();
        var position = at;
        var end = -1;
        var length = 1;
        for (var jumps = 0; ; )
        {
            if (position >= message.Length)
            {
                throw new DnsFormatException($"a name runs past the message at offset {position}");
            }

            var size = message[position];
            if (size == 0)
            {
                at = end < 0 ? position + 1 : end;
                return name.ToString().ToLowerInvariant();
            }

            if ((size & 0xC0) == 0xC0)
            {
                end = end < 0 ? position + 2 : end;
                position = PointerTarget(message, position, ++jumps);
                continue;
            }

            length += size + 1;
            AppendLabel(name, message, position, length);
            position += size + 1;
        }
    }

    /// <summary>Where the compression pointer at <paramref name="position"/> points, after checking it points back.</summary>
    private static int PointerTarget(ReadOnlySpan<byte> message, int position, int jumps)
    {
        if (position + 1 >= message.Length)
        {
            throw new DnsFormatException($"a compression pointer runs past the message at offset {position}");
        }

        // A pointer must point before itself; with at most 127 jumps no loop can go unnoticed.
        var target = ((message[position] & 0x3F) << 8) | message[position + 1];
        if (target >= position || jumps > 127)
        {
            throw new DnsFormatException($"a compression pointer at offset {position} does not point back (to {target})");
        }

        return target;
    }

    /// <summary>Appends the plain label at <paramref name="position"/>; <paramref name="length"/> is the name's length with it.</summary>
    private static void AppendLabel(StringBuilder name, ReadOnlySpan<byte> message, int position, int length)
    {
        var size = message[position];
        if ((size & 0xC0) != 0)
        {
            throw new DnsFormatException($"label type 0x{size:x2} at offset {position} is not a plain label or a pointer");
        }

        if (length > MaxNameLength || position + 1 + size > message.Length)
        {
            throw new DnsFormatException($"a name at offset {position} is longer than 255 bytes or runs past the message");
        }

        if (name.Length > 0)
        {
            name.Append('.');
        }

        name.Append(Encoding.ASCII.GetString(message.Slice(position + 1, size)));
    }

    private static ushort ReadUInt16(ReadOnlySpan<byte> message, ref int at)
    {
        if (at + 2 > message.Length)
        {
            throw new DnsFormatException($"the message ends at {message.Length} bytes, inside a record");
        }

        var value = BinaryPrimitives.ReadUInt16BigEndian(message[at..]);
        at += 2;
        return value;
    }
}
