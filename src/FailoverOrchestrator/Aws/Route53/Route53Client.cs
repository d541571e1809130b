using System.Globalization;
using FailoverOrchestrator.Aws.Http;
using Microsoft.Extensions.Logging;

namespace FailoverOrchestrator.Aws.Route53;

/// <summary>Route 53 over REST-XML: the global endpoint, signed for its global region (<see cref="AwsServiceEndpoint.Route53"/>) and
/// service <c>route53</c>.</summary>
internal sealed class Route53Client : IRoute53Client
{
    private const string ApiVersion = "/2013-04-01";

    private readonly AwsHttpSender _sender;
    private readonly ILogger<Route53Client> _logger;

    public Route53Client(AwsHttpSender sender, ILogger<Route53Client> logger)
    {
        _sender = sender;
        _logger = logger;
    }

    public Task<ChangeInfo> ChangeResourceRecordSetsAsync(string hostedZoneId, ChangeBatch batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (batch.Changes.Count == 0)
        {
            throw new ArgumentException("A change batch needs at least one change.", nameof(batch));
        }

        var request =
            Request("ChangeResourceRecordSets", HttpMethod.Post, $"/hostedzone/{Escape(Route53Ids.HostedZone(hostedZoneId))}/rrset") with
        {
            Body = Route53Xml.ChangeResourceRecordSetsRequest(batch),
            ContentType = "application/xml",
        };
        return _sender.SendAsync(request, body => Route53ResponseReader.ChangeInfo(body, "ChangeResourceRecordSetsResponse"), _logger,
            cancellationToken);
    }

    public Task<ChangeInfo> GetChangeAsync(string changeId, CancellationToken cancellationToken)
    {
        var request = Request("GetChange", HttpMethod.Get, $"/change/{Escape(Route53Ids.Change(changeId))}");
        return _sender.SendAsync(request, body => Route53ResponseReader.ChangeInfo(body, "GetChangeResponse"), _logger, cancellationToken);
    }

    public Task<IReadOnlyList<ResourceRecordSet>> ListResourceRecordSetsAsync(string hostedZoneId, string name, string type, int maxItems,
        CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(type);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxItems, 1);

        // The official SDKs put the query parameters in this order.
        var query = $"?maxitems={maxItems.ToString(CultureInfo.InvariantCulture)}&name={Escape(name)}&type={Escape(type)}";
        var request =
            Request("ListResourceRecordSets", HttpMethod.Get, $"/hostedzone/{Escape(Route53Ids.HostedZone(hostedZoneId))}/rrset{query}");
        return _sender.SendAsync(request, Route53ResponseReader.ResourceRecordSets, _logger, cancellationToken);
    }

    public Task<HealthCheckStatus> GetHealthCheckStatusAsync(string healthCheckId, CancellationToken cancellationToken)
    {
        var request =
            Request("GetHealthCheckStatus", HttpMethod.Get, $"/healthcheck/{Escape(Route53Ids.HealthCheck(healthCheckId))}/status");
        return _sender.SendAsync(request, Route53ResponseReader.HealthCheckStatus, _logger, cancellationToken);
    }

    private static AwsRequest Request(string operation, HttpMethod method, string path) =>
        new(AwsServiceEndpoint.Route53, operation, Global, method, ApiVersion + path);

    /// <summary>Route 53 has one global endpoint; its requests name the region it is signed for.</summary>
    private static string Global => AwsServiceEndpoint.Route53.GlobalSigningRegion!;

    private static string Escape(string value) => Uri.EscapeDataString(value);
}
