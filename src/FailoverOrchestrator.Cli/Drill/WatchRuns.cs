using System.Globalization;
using System.Text;
using FailoverOrchestrator.Aws.DynamoDb;
using FailoverOrchestrator.State;

namespace FailoverOrchestrator.Cli.Drill;

/// <summary>The scheduled watch in the drill: the schedule's payload at the drill's time, and what the state item recorded.</summary>
internal static class WatchRuns
{
    /// <summary>
    /// The payload the template's schedule sends, with Scheduler's <c>&lt;aws.scheduler.scheduled-time&gt;</c> filled in
    /// with the drill's clock, so a run minutes ahead on the skip-ahead clock is minutes ahead for the watch too.
    /// </summary>
    public static byte[] Payload(DrillSession s) =>
        Encoding.UTF8.GetBytes($$"""{"command":"watch","app":"{{s.App.Name}}","scheduledTime":"{{s.Clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)}}"}""");

    /// <summary>One scheduled run every minute: the clock moves a minute, then the schedule fires.</summary>
    public static async Task<DrillInvocation> NextMinuteAsync(DrillSession s, int run)
    {
        if (run > 1)
        {
            s.Clock.Jump(TimeSpan.FromMinutes(1));
        }

        return await s.InvokeAsync($"scheduled watch #{run}", Payload(s));
    }

    public static async Task<WatchRecord?> RecordAsync(DrillSession s) =>
        (await new DynamoDbStateStore(s.World.DynamoDbClients, s.Options.Region!, s.Options.StateTable).GetAsync(s.App.Name,
            CancellationToken.None))?.Watch;
}
