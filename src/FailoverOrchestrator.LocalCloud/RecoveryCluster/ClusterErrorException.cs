namespace FailoverOrchestrator.LocalCloud.RecoveryCluster;

/// <summary>An error of the ARC cluster API with the members its model gives the error (resourceId, resourceType).</summary>
internal sealed class ClusterErrorException(int statusCode, string code, string message, string? resourceId = null,
    string? resourceType = null) : Exception(message)
{
    public int StatusCode { get; } = statusCode;

    public string Code { get; } = code;

    public string? ResourceId { get; } = resourceId;

    public string? ResourceType { get; } = resourceType;
}
