namespace FailoverOrchestrator.Watch.Dns;

/// <summary>The DNS data plane's verdict of one watch run: which side the health record answers, and what was asked and got.</summary>
internal sealed record DnsVerdict(DnsAnswerSide Side, string Detail)
{
    public static readonly DnsVerdict NotConfigured =
        new(DnsAnswerSide.NotConfigured, "no Watch:Dns:RecordName, so Route 53's answer is not read");

    /// <summary>Whether the verdict tells either side; otherwise the watch decides from its probes alone.</summary>
    public bool Known => Side is DnsAnswerSide.Primary or DnsAnswerSide.Secondary;

    /// <summary>How a run's line and reason say it.</summary>
    public string Describe() => Side switch
    {
        DnsAnswerSide.Primary => $"Route 53 answers the primary: its health checkers see it healthy ({Detail})",
        DnsAnswerSide.Secondary => $"Route 53 answers the standby: its health checkers see the primary unhealthy ({Detail})",
        DnsAnswerSide.NotConfigured => Detail,
        _ => $"Route 53's answer could not be read ({Detail}): decided from the probes alone",
    };
}
