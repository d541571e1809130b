using FailoverOrchestrator.Configuration;
using FailoverOrchestrator.Tests.TestSupport;

namespace FailoverOrchestrator.Tests.Configuration;

public class FunctionRegionValidatorTests
{
    // Lambda sets AWS_REGION to the region the function runs in, and it is one of the reserved variables a function's
    // configuration cannot set (Lambda Developer Guide, "Defined runtime environment variables").
    [Theory]
    [InlineData("us-east-1", true)]
    [InlineData("us-west-2", false)]
    [InlineData("eu-west-1", false)]
    [InlineData(null, false)]
    [InlineData("", false)]
    public void Validate_FunctionRegion_RefusesOnlyThePrimary(string? functionRegion, bool refused)
    {
        var options = TestConfig.Load();
        var errors = new List<string>();

        FunctionRegionValidator.Validate(errors, options, functionRegion);

        Assert.Equal(refused ? 1 : 0, errors.Count);
    }

    [Fact]
    public void Load_FunctionInThePrimaryRegion_ConfigurationErrorNamingTheAppAndTheSetting()
    {
        var ex = Assert.Throws<OrchestratorConfigurationException>(() =>
            OrchestratorConfiguration.Load(TestConfig.ConfigPath, null, functionRegion: "us-east-1"));

        var error = Assert.Single(ex.Errors, e => e.StartsWith("AWS_REGION:", StringComparison.Ordinal));
        Assert.Contains("the function runs in us-east-1, which is Orchestrator:Apps:shop:PrimaryRegion (app 'shop')", error,
            StringComparison.Ordinal);
        Assert.Contains("standby region (us-west-2)", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_TwoAppsOnePrimaryInTheFunctionRegion_OnlyThatAppNamed()
    {
        var options = TestConfig.Load();
        options.Apps["other"] = new AppOptions { Name = "other", PrimaryRegion = "eu-west-1", StandbyRegion = "us-east-1" };
        var errors = new List<string>();

        FunctionRegionValidator.Validate(errors, options, "eu-west-1");

        var error = Assert.Single(errors);
        Assert.Contains("app 'other'", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_FunctionInTheStandbyRegion_Loads()
    {
        var options = OrchestratorConfiguration.Load(TestConfig.ConfigPath, null, functionRegion: "us-west-2");

        Assert.Equal("us-east-1", options.Apps["shop"].PrimaryRegion);
    }
}
