using Microsoft.Extensions.Logging;

namespace FailoverOrchestrator.Aws.RecoveryCluster;

/// <summary>Log events of the cluster client's rotation over its endpoints.</summary>
internal static partial class RecoveryClusterLog
{
    [LoggerMessage(EventId = 3101, Level = LogLevel.Warning,
        Message = "Route53RecoveryCluster {Operation}: endpoint in {Region} failed with {ErrorCode}; trying the next of {Count} endpoints")]
    public static partial void EndpointFailed(ILogger logger, string operation, string region, string errorCode, int count);

    [LoggerMessage(EventId = 3102, Level = LogLevel.Information,
        Message = "Route53RecoveryCluster {Operation} answered by the endpoint in {Region} after {Failed} failed endpoint(s)")]
    public static partial void EndpointAnswered(ILogger logger, string operation, string region, int failed);
}
