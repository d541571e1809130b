using System.Globalization;
using FailoverOrchestrator.Results;

namespace FailoverOrchestrator.Replication;

/// <summary>The data at risk in one sentence, for the page, the result's reason and the drill.</summary>
internal static class RpoSentence
{
    public static string Of(RpoEstimate rpo)
    {
        if (rpo.BoundSeconds is not { } bound || rpo.ReplicatedUntil is not { } until)
        {
            return $"RPO unknown: writes made in {rpo.SourceRegion} may be missing in {rpo.TargetRegion}, and how many cannot be told "
                + $"({rpo.Detail}).";
        }

        if (bound <= 0)
        {
            return string.Create(CultureInfo.InvariantCulture,
                $"RPO 0 s: {rpo.TargetRegion} had every write {rpo.SourceRegion} made up to {until:HH:mm:ss}Z, the moment it was "
                + $"measured.");
        }

        return string.Create(CultureInfo.InvariantCulture,
            $"Writes made in {rpo.SourceRegion} after {until:HH:mm:ss}Z, up to {bound:0.#} s, may be missing in {rpo.TargetRegion} "
            + $"({rpo.Source}).");
    }
}
