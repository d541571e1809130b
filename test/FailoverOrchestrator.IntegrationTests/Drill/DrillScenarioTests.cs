using FailoverOrchestrator.Cli.Drill;
using FailoverOrchestrator.Cli.Drill.Scenarios;
using Xunit.Abstractions;

namespace FailoverOrchestrator.IntegrationTests.Drill;

/// <summary>The drill sets the standard endpoint variables of the whole process, as the CLI does, so it runs alone.</summary>
[CollectionDefinition(nameof(DrillCollection), DisableParallelization = true)]
public sealed class DrillCollection;

[Collection(nameof(DrillCollection))]
public class DrillScenarioTests(ITestOutputHelper output)
{
    public static TheoryData<string> Scenarios => new(DrillScenario.All.Select(s => s.Name));

    [Theory]
    [MemberData(nameof(Scenarios))]
    public async Task RunAsync_Scenario_EndsWithExpectedOutcomeAndVerifiedEndState(string name)
    {
        var scenario = DrillScenario.All.Single(s => s.Name == name);
        var log = new StringWriter();

        ScenarioResult result;
        await using (var session = await DrillSession.StartAsync(new DrillProgress(log), CancellationToken.None, scenario.Overrides))
        {
            result = await scenario.RunAsync(session, CancellationToken.None);
        }

        var report = DrillTextReport.Render(result, name);
        output.WriteLine(report);
        Assert.True(result.Passed, report + Environment.NewLine + log);
        Assert.Equal(scenario.Expected, result.Actual);
        Assert.NotEmpty(result.Checks);
        Assert.Null(Environment.GetEnvironmentVariable("AWS_ENDPOINT_URL_ROUTE_53"));
    }
}
