using System.Net;

namespace FailoverOrchestrator.Aws.Http;

/// <summary>A service's answer: status, body text and the request id from <c>x-amzn-RequestId</c>.</summary>
internal sealed record AwsResponse(HttpStatusCode StatusCode, string Body, string? RequestId);
