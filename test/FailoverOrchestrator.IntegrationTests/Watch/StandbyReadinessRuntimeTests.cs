using System.Globalization;
using System.Text.Json;
using FailoverOrchestrator.IntegrationTests.LambdaRuntime;
using FailoverOrchestrator.LocalCloud.Lambda;

namespace FailoverOrchestrator.IntegrationTests.Watch;

/// <summary>
/// The watch's standby-readiness check in the published function, started as Lambda starts it (us-west-2, outside the
/// app's primary), against LocalCloud's ECS, Route 53 and SNS and the state item in dynalite.
/// </summary>
public sealed class StandbyReadinessRuntimeTests
{
    private const string Standby = "us-west-2";

    [Fact]
    public async Task Watch_StandbyDesiredCountDriftsThenIsFixed_PagesOnceEachWay()
    {
        await using var harness =
            await RuntimeHarness.StartAsync(LambdaRuntimeKind.Managed, withWorld: true, ofWorld: w => new Dictionary<string, string>
        {
            ["Orchestrator__Apps__shop__Watch__HealthEndpoints__0"] = new Uri(w.Cloud.AppHealth.Endpoint("us-east-1"), "/health")
                .ToString(),
        });
        var cloud = harness.World!.Cloud;
        var service = harness.Options!.Apps["shop"].Regions[Standby].Services[0];
        var start = TimeProvider.System.GetUtcNow();

        var ready = await WatchAsync(harness, start);
        var pagesWhileReady = cloud.Sns.GetMessages().Count;
        cloud.Ecs.SetCounts(Standby, service.Cluster, service.Service, 0, 0);
        var drifted = await WatchAsync(harness, start.AddMinutes(1));
        var again = await WatchAsync(harness, start.AddMinutes(2));
        var stillDrifted = await WatchAsync(harness, start.AddMinutes(3));
        var pagesWhileDrifted = cloud.Sns.GetMessages().Select(m => (m.Subject, m.Message)).ToList();
        cloud.Ecs.SetCounts(Standby, service.Cluster, service.Service, service.StandbyDesiredCount, service.StandbyDesiredCount);
        var fixedAt = start.AddMinutes(4);
        await WatchAsync(harness, fixedAt);
        var status = await InvokeAsync(harness, """{"command":"status","app":"shop"}""");

        Assert.All([ready, drifted, again, stillDrifted], r => Assert.Equal("Watched", r.GetProperty("outcome").GetString()));
        Assert.Equal(0, pagesWhileReady);
        var notReady = Assert.Single(pagesWhileDrifted);
        Assert.StartsWith("[failover] STANDBYNOTREADY shop -> us-west-2", notReady.Subject, StringComparison.Ordinal);
        Assert.Contains("ECS service shop/web in us-west-2 has desired count 0, not its StandbyDesiredCount 1 (drifted)", notReady.Message,
            StringComparison.Ordinal);
        var pages = cloud.Sns.GetMessages();
        Assert.Equal(2, pages.Count);
        Assert.StartsWith("[failover] STANDBYREADY shop -> us-west-2", pages[1].Subject, StringComparison.Ordinal);
        Assert.Contains("standby us-west-2 is ready for a failover", pages[1].Message, StringComparison.Ordinal);
        Assert.Equal(0, cloud.Calls.Snapshot().Count(c => c.Operation == "UpdateService"));
        AssertReadyAgainSince(status.GetProperty("status"), fixedAt);
    }

    /// <summary>The status command's report after the fix: ready since the watch that saw it, the drift and fix in its events.</summary>
    private static void AssertReadyAgainSince(JsonElement report, DateTimeOffset fixedAt)
    {
        Assert.True(report.GetProperty("standbyReady").GetBoolean());
        Assert.Equal(Seconds(fixedAt), Seconds(report.GetProperty("standbyReadySince").GetDateTimeOffset()));
        Assert.Equal(0, report.GetProperty("standbyNotReadyReasons").GetArrayLength());
        Assert.Equal(Seconds(fixedAt), Seconds(report.GetProperty("watchLastRunAt").GetDateTimeOffset()));
        Assert.Contains(" healthy ", report.GetProperty("watchLastVerdict").GetString(), StringComparison.Ordinal);
        var events = report.GetProperty("recentEvents").EnumerateArray().Select(e => e.GetString()!).ToList();
        Assert.Equal(["StandbyReady", "StandbyNotReady", "StandbyReady"],
            events.Select(Kind).Where(k => k.StartsWith("Standby", StringComparison.Ordinal)));
    }

    private static long Seconds(DateTimeOffset time) => time.ToUnixTimeSeconds();

    /// <summary>The audit kind of a status line ("time execution epoch N Kind ...").</summary>
    private static string Kind(string line) => line.Split(' ')[4].TrimEnd(':');

    private static Task<JsonElement> WatchAsync(RuntimeHarness harness, DateTimeOffset scheduled) =>
        InvokeAsync(harness, $$"""{"command":"watch","app":"shop","scheduledTime":"{{scheduled.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)}}"}""");

    private static async Task<JsonElement> InvokeAsync(RuntimeHarness harness, string payload)
    {
        var result = await harness.InvokeAsync(payload);
        Assert.True(result.Kind == InvocationResultKind.Response, $"{result.Kind}: {result.Text}\n{harness.Diagnostics()}");
        using var document = JsonDocument.Parse(result.Body);
        return document.RootElement.Clone();
    }
}
