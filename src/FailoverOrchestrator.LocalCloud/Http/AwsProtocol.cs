namespace FailoverOrchestrator.LocalCloud.Http;

/// <summary>The wire protocol of a service, which decides how its errors look.</summary>
internal enum AwsProtocol
{
    RestXml,
    Json10,
    Json11,
    Query,
}
