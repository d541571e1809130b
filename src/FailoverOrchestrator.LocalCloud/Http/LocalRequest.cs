using System.Collections.Specialized;
using System.Web;

namespace FailoverOrchestrator.LocalCloud.Http;

/// <summary>An HTTP request as the services see it: read whole, with the caller's region and a request id.</summary>
internal sealed class LocalRequest
{
    private NameValueCollection? _form;

    public required string Method { get; init; }

    public required string Path { get; init; }

    public required NameValueCollection Query { get; init; }

    public required NameValueCollection Headers { get; init; }

    public required string Body { get; init; }

    public required string RequestId { get; init; }

    /// <summary>Gets the region of the SigV4 credential scope, or null when the request carries none.</summary>
    public string? Region { get; init; }

    /// <summary>Gets the body decoded as an HTML form (the Query protocol).</summary>
    public NameValueCollection Form => _form ??= HttpUtility.ParseQueryString(Body);

    public string? Header(string name) => Headers[name];
}
