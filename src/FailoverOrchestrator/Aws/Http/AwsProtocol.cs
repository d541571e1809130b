namespace FailoverOrchestrator.Aws.Http;

/// <summary>The wire protocol of a service; decides how its error bodies are read.</summary>
internal enum AwsProtocol
{
    RestXml,
    Json,
    Query,
}
