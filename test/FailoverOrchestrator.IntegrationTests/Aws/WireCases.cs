using System.Text.Json.Nodes;
using FailoverOrchestrator.Aws;
using FailoverOrchestrator.Aws.RecoveryCluster;
using FailoverOrchestrator.Aws.Route53;

namespace FailoverOrchestrator.IntegrationTests.Aws;

/// <summary>One operation, with the same input for the official JS SDK and for our client.</summary>
/// <param name="CallOurs">Calls our client; it gets the capture server's address for a client that takes its endpoints per call.</param>
/// <param name="EndpointPath">A path under the capture server to configure as the endpoint on both sides (an ARC cluster endpoint ends in
/// /v1).</param>
internal sealed record WireCase(string Id, string Service, string Region, string Operation, JsonObject SdkInput,
    Func<AwsClientFactory, Uri, Task> CallOurs, string EndpointPath = "")
{
    public override string ToString() => Id;
}

/// <summary>Every operation of our clients, and the canned answers the capture server gives them.</summary>
internal static class WireCases
{
    public const string TopicArn = "arn:aws:sns:us-west-2:123456789012:failover-alerts";
    public const string EastControl =
        "arn:aws:route53-recovery-control::123456789012:controlpanel/0123456789abcdef0123456789abcdef/routingcontrol/abcdef0123456789";
    public const string WestControl =
        "arn:aws:route53-recovery-control::123456789012:controlpanel/0123456789abcdef0123456789abcdef/routingcontrol/0123456789abcdef";

    public static IReadOnlyList<WireCase> All { get; } =
    [
        new("route53-upsert-alias", "route53", "us-east-1", "ChangeResourceRecordSets",
            Json("""{"HostedZoneId":"/hostedzone/Z111111QQQQQQQ","ChangeBatch":{"Comment":"failover","Changes":[{"Action":"UPSERT","ResourceRecordSet":{"Name":"api.example.com.","Type":"A","AliasTarget":{"HostedZoneId":"Z35SXDOTRQ7X7K","DNSName":"my-alb-123.us-east-1.elb.amazonaws.com.","EvaluateTargetHealth":true}}}]}}"""),
            (f, _) => f.Route53.ChangeResourceRecordSetsAsync("/hostedzone/Z111111QQQQQQQ", new ChangeBatch(
                [new Change(ChangeAction.Upsert, Alias("api.example.com.", "my-alb-123.us-east-1.elb.amazonaws.com."))], "failover"),
                    default)),
        new("route53-delete-create", "route53", "us-east-1", "ChangeResourceRecordSets",
            Json("""{"HostedZoneId":"Z111111QQQQQQQ","ChangeBatch":{"Changes":[{"Action":"DELETE","ResourceRecordSet":{"Name":"www.example.com.","Type":"CNAME","TTL":60,"ResourceRecords":[{"Value":"primary.example.com"}]}},{"Action":"CREATE","ResourceRecordSet":{"Name":"www.example.com.","Type":"CNAME","TTL":60,"ResourceRecords":[{"Value":"standby.example.com"}]}}]}}"""),
            (f, _) => f.Route53.ChangeResourceRecordSetsAsync("Z111111QQQQQQQ", new ChangeBatch(
                [
                    new Change(ChangeAction.Delete, new ResourceRecordSet("www.example.com.", "CNAME", null, 60, ["primary.example.com"])),
                    new Change(ChangeAction.Create, new ResourceRecordSet("www.example.com.", "CNAME", null, 60, ["standby.example.com"])),
                ], null), default)),
        new("route53-get-change", "route53", "us-east-1", "GetChange",
            Json("""{"Id":"/change/C0123456789ABCDEF"}"""),
            (f, _) => f.Route53.GetChangeAsync("/change/C0123456789ABCDEF", default)),
        new("route53-list-record-sets", "route53", "us-east-1", "ListResourceRecordSets",
            Json("""{"HostedZoneId":"Z111111QQQQQQQ","StartRecordName":"api.example.com.","StartRecordType":"A","MaxItems":1}"""),
            (f, _) => f.Route53.ListResourceRecordSetsAsync("Z111111QQQQQQQ", "api.example.com.", "A", 1, default)),
        new("route53-health-check-status", "route53", "us-east-1", "GetHealthCheckStatus",
            Json("""{"HealthCheckId":"abcdef11-2222-3333-4444-555555fedcba"}"""),
            (f, _) => f.Route53.GetHealthCheckStatusAsync("abcdef11-2222-3333-4444-555555fedcba", default)),
        new("ecs-update-service", "ecs", "eu-west-1", "UpdateService",
            Json("""{"cluster":"app-cluster","service":"web","desiredCount":4}"""),
            (f, _) => f.Ecs.UpdateServiceAsync("eu-west-1", "app-cluster", "web", 4, default)),
        new("ecs-describe-services", "ecs", "eu-west-1", "DescribeServices",
            Json("""{"cluster":"app-cluster","services":["web","worker"]}"""),
            (f, _) => f.Ecs.DescribeServicesAsync("eu-west-1", "app-cluster", ["web", "worker"], default)),
        new("sns-publish", "sns", "us-west-2", "Publish",
            Json("""{"TopicArn":"arn:aws:sns:us-west-2:123456789012:failover-alerts","Subject":"Failover: orders to us-west-2","Message":"orders failed over & is serving from us-west-2 — ünïcode ok\nline 2 (100%)","MessageAttributes":{"kind":{"DataType":"String","StringValue":"failover"},"app":{"DataType":"String","StringValue":"orders/eu"}}}"""),
            (f, _) =>
                f.Sns.PublishAsync(
                TopicArn, "Failover: orders to us-west-2", "orders failed over & is serving from us-west-2 — ünïcode ok\nline 2 (100%)",
                new Dictionary<string, string> { ["kind"] = "failover", ["app"] = "orders/eu" }, default)),

        // A cluster endpoint is an address with a /v1 path, and each is signed for its own region (here ap-southeast-2).
        new("arc-update-states", "route53-recovery-cluster", "ap-southeast-2", "UpdateRoutingControlStates",
            Json($$"""{"UpdateRoutingControlStateEntries":[{"RoutingControlArn":"{{WestControl}}","RoutingControlState":"On"},{"RoutingControlArn":"{{EastControl}}","RoutingControlState":"Off"}]}"""),
            (f, server) => f.RoutingControls.UpdateRoutingControlStatesAsync(
                [new ClusterEndpoint(new Uri(server, "v1"), "ap-southeast-2")],
                [new RoutingControlStateEntry(WestControl, RoutingControlState.On),
                    new RoutingControlStateEntry(EastControl, RoutingControlState.Off)], default),
            "v1"),
        new("arc-get-state", "route53-recovery-cluster", "eu-west-1", "GetRoutingControlState",
            Json($$"""{"RoutingControlArn":"{{WestControl}}"}"""),
            (f, server) =>
                f.RoutingControls.GetRoutingControlStateAsync(
                [new ClusterEndpoint(new Uri(server, "v1"), "eu-west-1")], WestControl, default),
            "v1"),
    ];

    /// <summary>The canned answer for a request, chosen by what it asks for.</summary>
    public static CannedResponse Respond(CapturedRequest request)
    {
        var target = request.Header("x-amz-target");
        var fixture = (request.Method, target) switch
        {
            (_, "ToggleCustomerAPI.UpdateRoutingControlStates") => "arc-update-routing-control-states.json",
            (_, "ToggleCustomerAPI.GetRoutingControlState") => "arc-get-routing-control-state.json",
            (_, "AmazonEC2ContainerServiceV20141113.UpdateService") => "ecs-update-service.json",
            (_, "AmazonEC2ContainerServiceV20141113.DescribeServices") => "ecs-describe-services.json",
            ("POST", _) when request.Body.StartsWith("Action=Publish", StringComparison.Ordinal) => "sns-publish.xml",
            ("POST", _) when request.Path.EndsWith("/rrset", StringComparison.Ordinal) => "route53-change-resource-record-sets.xml",
            ("GET", _) when request.Path.Contains("/change/", StringComparison.Ordinal) => "route53-get-change.xml",
            ("GET", _) when request.Path.EndsWith("/rrset", StringComparison.Ordinal) => "route53-list-resource-record-sets.xml",
            ("GET", _) when request.Path.EndsWith("/status", StringComparison.Ordinal) => "route53-get-health-check-status.xml",
            _ => null,
        };
        if (fixture is null)
        {
            return new CannedResponse(400, "text/xml",
                "<ErrorResponse><Error><Code>UnknownOperation</Code><Message>The capture server does not know this "
                + "request.</Message></Error></ErrorResponse>");
        }

        var contentType = fixture.EndsWith(".json", StringComparison.Ordinal)
            ? (target!.StartsWith("ToggleCustomerAPI.", StringComparison.Ordinal)
                ? "application/x-amz-json-1.0" : "application/x-amz-json-1.1")
            : "text/xml";
        return new CannedResponse(200, contentType, File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "aws", fixture)));
    }

    private static ResourceRecordSet Alias(string name, string target) =>
        new(name, "A", new AliasTarget("Z35SXDOTRQ7X7K", target, true), null, []);

    private static JsonObject Json(string text) => JsonNode.Parse(text)!.AsObject();
}
