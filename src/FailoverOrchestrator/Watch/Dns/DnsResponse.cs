namespace FailoverOrchestrator.Watch.Dns;

/// <summary>A decoded DNS response: its header fields that matter to a stub resolver, its question and its answers.</summary>
internal sealed record DnsResponse(
    ushort Id,
    bool IsResponse,
    bool Truncated,
    int ResponseCode,
    string QuestionName,
    ushort QuestionType,
    IReadOnlyList<DnsResourceRecord> Answers)
{
    public const int NoError = 0;

    /// <summary>RFC 1035 RCODE names, as dig prints them.</summary>
    public string ResponseCodeName => ResponseCode switch
    {
        0 => "NOERROR",
        1 => "FORMERR",
        2 => "SERVFAIL",
        3 => "NXDOMAIN",
        4 => "NOTIMP",
        5 => "REFUSED",
        _ => $"RCODE {ResponseCode}",
    };

    /// <summary>Whether this answers the question that was asked (names compare without case, RFC 4343).</summary>
    public bool IsAnswerTo(ushort id, string name, DnsRecordType type) =>
        IsResponse && Id == id && QuestionType == (ushort)type &&
        string.Equals(QuestionName, DnsQuery.Normalize(name), StringComparison.Ordinal);
}
