namespace FailoverOrchestrator.Cli.Drill.Scenarios;

/// <summary>What a dark region refused, for the timeline: as the function's result reports it, and as LocalCloud logged it.</summary>
internal static class DarkRegionRefusals
{
    /// <summary>What the function's result says the dark region refused: the Route 53 API's calls and the cluster endpoint
    /// skipped.</summary>
    public static string ByFunction(DrillInvocation command)
    {
        var steps = command.Result?.Steps ?? [];
        var seen = steps.SelectMany(st =>
            (st.Calls ?? []).Where(c => c.Contains("us-east-1: ", StringComparison.Ordinal)).Select(c =>
            $"{st.Name}: ARC endpoint {c[(c.IndexOf(" after ", StringComparison.Ordinal) + 7)..]}"))
            .Concat(
                steps.Where(
                st => st.Detail?.Contains("route53.amazonaws.com", StringComparison.Ordinal) == true).Select(st =>
                $"{st.Name}: Route 53 API (NetworkError)"))
            .Distinct()
            .ToList();
        return seen.Count == 0 ? "none reported" : string.Join("; ", seen);
    }

    /// <summary>LocalCloud's own account of the refusals: its call log (Route 53, ECS, SNS) and the DynamoDB router's.</summary>
    public static string ByLocalCloud(DrillSession s, string darkRegion)
    {
        var cut = s.World.Cloud.Calls.Snapshot()
            .Where(c => c.Region == darkRegion && c.ErrorCode == "ConnectionRefused")
            .GroupBy(c => $"{c.Service} {c.Operation}")
            .Select(g => $"{g.Key} x{g.Count()}")
            .Concat((s.World.Router?.Refused ?? [])
                .GroupBy(r => "DynamoDB " + r[(darkRegion.Length + 1)..])
                .Select(g => $"{g.Key} x{g.Count()}"))
            .ToList();
        return cut.Count == 0 ? "none reached LocalCloud (a closed port refuses before it sees a call)" : string.Join("; ", cut);
    }
}
