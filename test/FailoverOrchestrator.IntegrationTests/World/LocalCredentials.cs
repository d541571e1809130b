using FailoverOrchestrator.LocalCloud.World;

namespace FailoverOrchestrator.IntegrationTests.World;

/// <summary>
/// Throwaway credentials and a region in the test process, the same for every world, for the clients the tests build
/// on the default chain (the official SDK's and ours); never probes the instance metadata address. The worlds
/// themselves set nothing in the process: the drill and the function processes get their variables explicitly.
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
