namespace FailoverOrchestrator.LocalCloud.Route53;

/// <summary>A health check whose status the caller sets, and the regions its checkers report from.</summary>
internal sealed record HealthCheck(string Id, bool Healthy, string FailureReason, IReadOnlyList<string> CheckerRegions,
    DateTimeOffset CheckedAt)
{
    /// <summary>The regions Route 53 checks from when a health check names none.</summary>
    public static readonly IReadOnlyList<string> DefaultCheckerRegions =
        ["us-east-1", "us-west-1", "us-west-2", "eu-west-1", "ap-southeast-1", "ap-southeast-2", "ap-northeast-1", "sa-east-1"];

    public const string DefaultFailureReason = "Failure: HTTP Status Code 503, Service Unavailable. Resolved IP: 10.0.0.1";

    public const string SuccessStatus = "Success: HTTP Status Code 200, OK";

    public string StatusText => Healthy ? SuccessStatus : FailureReason;
}
