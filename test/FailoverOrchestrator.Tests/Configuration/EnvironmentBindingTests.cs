using FailoverOrchestrator.Tests.Aws.Http;
using FailoverOrchestrator.Tests.TestSupport;

namespace FailoverOrchestrator.Tests.Configuration;

/// <summary>Sets a variable of the whole process, so it runs apart from the tests that load the configuration.</summary>
[Collection(nameof(ProcessEnvironmentCollection))]
public class EnvironmentBindingTests
{
    [Fact]
    public void Load_EnvironmentVariable_BindsWithDoubleUnderscore()
    {
        Environment.SetEnvironmentVariable("Orchestrator__AuditRetentionDays", "77");
        try
        {
            Assert.Equal(77, TestConfig.Load().AuditRetentionDays);
        }
        finally
        {
            Environment.SetEnvironmentVariable("Orchestrator__AuditRetentionDays", null);
        }
    }
}
