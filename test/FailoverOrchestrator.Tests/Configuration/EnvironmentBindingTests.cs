using System.Text.Json.Nodes;
using FailoverOrchestrator.Configuration;
using FailoverOrchestrator.Telemetry;
using FailoverOrchestrator.Tests.TestSupport;
using Microsoft.Extensions.Logging;

namespace FailoverOrchestrator.Tests.Configuration;

/// <summary>What the function reads from its environment, given through the environment seam rather than the process's.</summary>
public sealed class EnvironmentBindingTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("orchestrator-environment-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Load_EnvironmentVariable_BindsWithDoubleUnderscore()
    {
        var options = Load(new() { ["Orchestrator__AuditRetentionDays"] = "77", ["Orchestrator__Apps__shop__CooldownSeconds"] = "60" });

        Assert.Equal(77, options.AuditRetentionDays);
        Assert.Equal(60, options.Apps["shop"].CooldownSeconds);
    }

    [Fact]
    public void Load_OverrideAndEnvironmentVariable_OverrideWins()
    {
        var options = OrchestratorConfiguration.Load(
            TestConfig.ConfigPath,
            [new("Orchestrator:AuditRetentionDays", "5")],
            environment: new TestEnvironment(new Dictionary<string, string> { ["Orchestrator__AuditRetentionDays"] = "77" }));

        Assert.Equal(5, options.AuditRetentionDays);
    }

    [Theory]
    [InlineData("eu-west-1", null, "eu-west-1")]
    [InlineData(null, "eu-central-1", "eu-central-1")]
    [InlineData("eu-west-1", "eu-central-1", "eu-west-1")]
    [InlineData(" ", "eu-central-1", "eu-central-1")]
    public void Load_RegionLeftOut_TakenFromAwsRegionThenAwsDefaultRegion(string? awsRegion, string? defaultRegion, string expected)
    {
        var variables = new Dictionary<string, string>();
        AddIfSet(variables, "AWS_REGION", awsRegion);
        AddIfSet(variables, "AWS_DEFAULT_REGION", defaultRegion);

        var options = OrchestratorConfiguration.Load(WithoutRegion(), environment: new TestEnvironment(variables));

        Assert.Equal(expected, options.Region);
    }

    [Fact]
    public void Load_NoRegionAnywhere_RefusedNamingAwsRegion()
    {
        var path = WithoutRegion();

        var ex = Assert.Throws<OrchestratorConfigurationException>(
            () => OrchestratorConfiguration.Load(path, environment: TestEnvironment.Empty));

        Assert.Contains("Orchestrator:Region: not set and AWS_REGION is not set either: name the region of " +
            "the state and audit tables", ex.Errors);
    }

    [Fact]
    public void Load_RegionSetButEmpty_NamesTheEnvironmentsAwsRegion()
    {
        var variables = new Dictionary<string, string> { ["AWS_REGION"] = "eu-west-1", ["Orchestrator__Region"] = "" };

        var ex = Assert.Throws<OrchestratorConfigurationException>(() => Load(variables));

        var error = Assert.Single(ex.Errors);
        Assert.Equal("Orchestrator:Region: set but empty; name the region of the state and audit tables, or remove the setting to " +
            "use AWS_REGION (eu-west-1)", error);
    }

    [Theory]
    [InlineData(null, LogLevel.Information, LogLevel.Debug)]
    [InlineData("Debug", LogLevel.Debug, LogLevel.Trace)]
    [InlineData("warning", LogLevel.Warning, LogLevel.Information)]
    [InlineData("loud", LogLevel.Information, LogLevel.Debug)]
    public void Create_LogLevelVariable_SetsTheLowestLevelLogged(string? value, LogLevel lowest, LogLevel below)
    {
        var variables = new Dictionary<string, string>();
        AddIfSet(variables, JsonLogging.LevelVariable, value);
        using var loggers = JsonLogging.Create(toStandardError: true, new TestEnvironment(variables));

        var logger = loggers.CreateLogger("FailoverOrchestrator");

        Assert.True(logger.IsEnabled(lowest));
        Assert.False(logger.IsEnabled(below));
    }

    private static OrchestratorOptions Load(Dictionary<string, string> variables) =>
        OrchestratorConfiguration.Load(TestConfig.ConfigPath, environment: new TestEnvironment(variables));

    private static void AddIfSet(Dictionary<string, string> variables, string name, string? value)
    {
        if (value is not null)
        {
            variables[name] = value;
        }
    }

    /// <summary>The sample without its Region setting, in a file of its own (nothing of the process is changed).</summary>
    private string WithoutRegion()
    {
        var path = Path.Combine(_folder, "no-region.json");
        var sample = JsonNode.Parse(File.ReadAllText(TestConfig.ConfigPath))!;
        Assert.True(sample["Orchestrator"]!.AsObject().Remove("Region"));
        File.WriteAllText(path, sample.ToJsonString());
        return path;
    }
}
