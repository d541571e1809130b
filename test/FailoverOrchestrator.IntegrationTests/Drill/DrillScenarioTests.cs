using FailoverOrchestrator.Cli;
using FailoverOrchestrator.Cli.Drill;
using FailoverOrchestrator.Cli.Drill.Scenarios;
using FailoverOrchestrator.IntegrationTests.LambdaRuntime;
using FailoverOrchestrator.LocalCloud.Lambda;
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
        await RunAndVerifyAsync(name, function: null);
    }

    /// <summary>Every scenario again with the Native AOT bootstrap as the function (<c>drill --runtime aot</c>), the build published once
    /// for the test run.</summary>
    [Theory]
    [MemberData(nameof(Scenarios))]
    public async Task RunAsync_ScenarioOnTheNativeAotBootstrap_EndsWithExpectedOutcomeAndVerifiedEndState(string name)
    {
        var function = new FunctionBuild(LambdaRuntimeKind.ProvidedAl2023NativeAot,
            await PublishedFunction.TaskRootAsync(LambdaRuntimeKind.ProvidedAl2023NativeAot));

        var result = await RunAndVerifyAsync(name, function);

        Assert.Equal("./bootstrap, Native AOT", result.Function);
    }

    private async Task<ScenarioResult> RunAndVerifyAsync(string name, FunctionBuild? function)
    {
        var scenario = DrillScenario.All.Single(s => s.Name == name);
        var log = new StringWriter();

        ScenarioResult result;
        await using (var session = await DrillSession.StartAsync(new DrillProgress(log), CancellationToken.None, scenario.Overrides,
            function))
        {
            result = await scenario.RunAsync(session, CancellationToken.None);
        }

        var report = DrillTextReport.Render(result, name);
        output.WriteLine(report);
        Assert.True(result.Passed, report + Environment.NewLine + log);
        Assert.Equal(scenario.Expected, result.Actual);
        Assert.NotEmpty(result.Checks);
        Assert.Null(Environment.GetEnvironmentVariable("AWS_ENDPOINT_URL_ROUTE_53"));
        return result;
    }
}
