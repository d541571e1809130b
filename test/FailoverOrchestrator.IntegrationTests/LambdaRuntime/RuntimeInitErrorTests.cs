using System.Text.Json;
using FailoverOrchestrator.LocalCloud.Lambda;

namespace FailoverOrchestrator.IntegrationTests.LambdaRuntime;

/// <summary>
/// A function that cannot start (a broken setting, the app's primary region, a configuration file that is not JSON),
/// started as each Lambda runtime starts it: it reports an init error naming the problem and exits. The init-error
/// contract follows the Runtime API's OpenAPI description (aws-lambda-dotnet, RuntimeSupport/Client/runtime-api.yaml):
/// init/error is "served in response to the first invoke" and the runtime "should exit".
/// </summary>
[TestCaseOrderer("FailoverOrchestrator.IntegrationTests.LambdaRuntime.NativeAotLastOrderer", "FailoverOrchestrator.IntegrationTests")]
public sealed class RuntimeInitErrorTests
{
    [Theory]
    [MemberData(nameof(RuntimeKinds.All), MemberType = typeof(RuntimeKinds))]
    public async Task Start_BrokenConfiguration_ReportsAnInitErrorNamingEachSettingAndExits(LambdaRuntimeKind runtime)
    {
        await using var harness = await RuntimeHarness.StartAsync(runtime, withWorld: false, overrides:
        [
            new("Orchestrator:Apps:shop:LeaseSeconds", "5"),
            new("Orchestrator:Apps:shop:StandbyRegion", "us-east-1"),
            new("Orchestrator:Apps:shop:AccountId", "12"),
            new("Orchestrator:Apps:shop:Regions:us-east-1:Services:0:Cluster", ""),
        ]);

        var result = await harness.InvokeAsync(RuntimeHarness.Event("alarm-ok.json"));
        var exitCode = await harness.Function.Exited.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.True(result.Kind == InvocationResultKind.InitError, $"{result.Kind}: {result.Text}\n{harness.Diagnostics()}");
        using var error = JsonDocument.Parse(result.Body);
        var message = error.RootElement.GetProperty("errorMessage").GetString()!;
        // The range, pattern and required rules are attributes read by the generated validator: in the Native AOT build
        // too, with no reflection-based validation, each is found and named by its path.
        Assert.Contains("Orchestrator:Apps:shop:LeaseSeconds: 5 is below the 10 seconds a step needs", message, StringComparison.Ordinal);
        Assert.Contains("Orchestrator:Apps:shop:AccountId: '12' is not a 12-digit AWS account id", message, StringComparison.Ordinal);
        Assert.Contains("Orchestrator:Apps:shop:Regions:us-east-1:Services:0:Cluster: required", message, StringComparison.Ordinal);
        Assert.Contains("Orchestrator:Apps:shop:StandbyRegion", message, StringComparison.Ordinal);
        Assert.Equal("OrchestratorConfigurationException", result.ErrorType);
        Assert.Equal(1, exitCode);
    }

    [Theory]
    [MemberData(nameof(RuntimeKinds.All), MemberType = typeof(RuntimeKinds))]
    public async Task Start_InThePrimaryRegionOfAnApp_ReportsAnInitErrorNamingAwsRegionAndTheApp(LambdaRuntimeKind runtime)
    {
        // Lambda sets AWS_REGION (reserved: the function's configuration cannot change it); the sample app's primary is us-east-1.
        await using var harness = await RuntimeHarness.StartAsync(runtime, withWorld: false, region: "us-east-1");

        var result = await harness.InvokeAsync(RuntimeHarness.Event("alarm-ok.json"));
        var exitCode = await harness.Function.Exited.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.True(result.Kind == InvocationResultKind.InitError, $"{result.Kind}: {result.Text}\n{harness.Diagnostics()}");
        using var error = JsonDocument.Parse(result.Body);
        var message = error.RootElement.GetProperty("errorMessage").GetString()!;
        Assert.Contains("AWS_REGION: the function runs in us-east-1, which is Orchestrator:Apps:shop:PrimaryRegion", message,
            StringComparison.Ordinal);
        Assert.Equal("OrchestratorConfigurationException", result.ErrorType);
        Assert.Equal(1, exitCode);
    }

    [Theory]
    [MemberData(nameof(RuntimeKinds.All), MemberType = typeof(RuntimeKinds))]
    public async Task Start_ConfigurationFileWithJsonSyntaxError_NamesTheFileLineAndPosition(LambdaRuntimeKind runtime)
    {
        await using var harness = await RuntimeHarness.StartAsync(runtime, withWorld: false,
            configText: "{\n  \"Orchestrator\": {\n    \"Region\": \"us-east-1\",,\n  }\n}\n");

        var result = await harness.InvokeAsync(RuntimeHarness.Event("alarm-ok.json"));

        Assert.True(result.Kind == InvocationResultKind.InitError, $"{result.Kind}: {result.Text}\n{harness.Diagnostics()}");
        using var error = JsonDocument.Parse(result.Body);
        var message = error.RootElement.GetProperty("errorMessage").GetString()!;
        Assert.Contains("orchestrator.json' is not valid JSON: line 3, position 27", message, StringComparison.Ordinal);
    }
}
