using FailoverOrchestrator.Configuration.Validation;

namespace FailoverOrchestrator.Tests.Configuration.Validation;

public sealed class SettingPathTests
{
    [Theory]
    [InlineData("Orchestrator.StateTable", "Orchestrator:StateTable")]
    [InlineData("Orchestrator:Apps:shop.Dns.RecordType", "Orchestrator:Apps:shop:Dns:RecordType")]
    [InlineData("Orchestrator:Apps:shop:Regions:us-east-1.Services[10].Cluster",
        "Orchestrator:Apps:shop:Regions:us-east-1:Services:10:Cluster")]
    [InlineData("Orchestrator:Apps:my-app-2:Regions:eu-west-1.GlobalTables", "Orchestrator:Apps:my-app-2:Regions:eu-west-1:GlobalTables")]
    public void FromDisplayName_GeneratedName_ReadsAsTheConfigurationPath(string displayName, string expected)
    {
        Assert.Equal(expected, SettingPath.FromDisplayName(displayName));
    }
}
