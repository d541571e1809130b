namespace FailoverOrchestrator.Aws.Http;

/// <summary>One operation call as it goes on the wire, before endpoint resolution and signing.</summary>
/// <param name="Service">The service: endpoint, signing name, protocol.</param>
/// <param name="Operation">The API operation name, for errors and logs.</param>
/// <param name="Region">The region to call (ignored for the endpoint and signing region of a global service).</param>
/// <param name="Method">The HTTP method.</param>
/// <param name="PathAndQuery">The path, already escaped, with its query string.</param>
internal sealed record AwsRequest(AwsServiceEndpoint Service, string Operation, string Region, HttpMethod Method, string PathAndQuery)
{
    /// <summary>The request body, or null for none.</summary>
    public string? Body { get; init; }

    /// <summary>The body's media type, sent without a charset as the AWS SDKs do.</summary>
    public string? ContentType { get; init; }

    /// <summary>The <c>X-Amz-Target</c> header of JSON protocols.</summary>
    public string? Target { get; init; }

    /// <summary>
    /// Whether an attempt that got no answer (it timed out, or failed in transport once the request may have been
    /// sent) may be sent again. False for a call that is not idempotent, such as SNS Publish, where a second send
    /// delivers a second message: such a call gets no per-attempt timeout (only the invocation's deadline) and is
    /// repeated only after an error answer or a connection that was never made.
    /// </summary>
    public bool RepeatAfterNoAnswer { get; init; } = true;

    /// <summary>
    /// The base URI to send to instead of the service's resolved endpoint: one of the five regional endpoints of a
    /// Route 53 ARC cluster, which the caller tries in turn. Null resolves the endpoint as for every other call.
    /// </summary>
    public Uri? Endpoint { get; init; }

    /// <summary>
    /// Whether the call gets exactly one attempt and no per-attempt timeout of the retry pipeline: the caller is the
    /// retry layer (it moves to another endpoint) and bounds the attempt itself.
    /// </summary>
    public bool SingleAttempt { get; init; }
}
