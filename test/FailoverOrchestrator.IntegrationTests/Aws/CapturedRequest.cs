namespace FailoverOrchestrator.IntegrationTests.Aws;

/// <summary>A request as the capture server received it: header names lower-cased, the raw path and query.</summary>
internal sealed record CapturedRequest(string Method, string RawUrl, IReadOnlyDictionary<string, string> Headers, string Body)
{
    public string Path => RawUrl.Split('?', 2)[0];

    public string Query => RawUrl.Contains('?', StringComparison.Ordinal) ? RawUrl.Split('?', 2)[1] : string.Empty;

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
