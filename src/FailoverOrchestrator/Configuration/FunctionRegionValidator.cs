namespace FailoverOrchestrator.Configuration;

/// <summary>
/// The function must run outside the primary region of every app it protects: an outage of that region would take the
/// orchestrator down with the app it has to fail over. Lambda sets <c>AWS_REGION</c> to the region the function runs
/// in (a reserved variable: the function's configuration cannot set it), so that is what is checked, at cold start.
/// </summary>
internal static class FunctionRegionValidator
{
    public const string Variable = "AWS_REGION";

    /// <summary>Adds one error per app whose primary region is <paramref name="functionRegion"/>; none when it is not known.</summary>
    public static void Validate(List<string> errors, OrchestratorOptions options, string? functionRegion)
    {
        if (string.IsNullOrWhiteSpace(functionRegion))
        {
            return;
        }

        foreach (var (name, app) in options.Apps.Where(a => string.Equals(a.Value.PrimaryRegion, functionRegion, StringComparison.Ordinal)))
        {
            errors.Add(
                $"{Variable}: the function runs in {functionRegion}, which is Orchestrator:Apps:{name}:PrimaryRegion (app '{name}'): " +
                "an outage there would take the orchestrator down with the app it must fail over. Deploy the function and its " +
                $"state table in the standby region ({app.StandbyRegion}) or a third region");
        }
    }
}
