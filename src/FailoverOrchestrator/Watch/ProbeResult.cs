namespace FailoverOrchestrator.Watch;

/// <summary>One probe of one health endpoint: healthy on a 2xx answer; otherwise what it got (status, timeout, connection error).</summary>
internal sealed record ProbeResult(string Endpoint, bool Healthy, string Detail);
