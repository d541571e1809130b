using FailoverOrchestrator.LocalCloud.World;

namespace FailoverOrchestrator.IntegrationTests.World;

/// <summary>
/// Throwaway credentials and a region in the test process, the same for every world: the handler built in this
/// process reads them through the official SDK's default chain (its DynamoDB client has no explicit credentials), as
/// it reads the execution role's in Lambda. Never probes the instance metadata address.
/// </summary>
internal static class LocalCredentials
{
    public static void UseInThisProcess()
    {
        Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", LocalWorld.AccessKey);
        Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", LocalWorld.SecretKey);
        Environment.SetEnvironmentVariable("AWS_REGION", "us-east-1");
        Environment.SetEnvironmentVariable("AWS_EC2_METADATA_DISABLED", "true");
    }
}
