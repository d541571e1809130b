using System.Net;
using System.Xml.Linq;
using FailoverOrchestrator.Aws;
using FailoverOrchestrator.Aws.Http;
using FailoverOrchestrator.Aws.Route53;

namespace FailoverOrchestrator.Tests.Aws.Route53;

public sealed class Route53ClientTests : FakeAwsTestBase
{

    [Theory]
    [InlineData("/hostedzone/Z111111QQQQQQQ")]
    [InlineData("Z111111QQQQQQQ")]
    public async Task ChangeResourceRecordSetsAsync_Upsert_PostsBatchAndReadsChangeInfo(string zoneId)
    {
        Handler.Respond(HttpStatusCode.OK, Fixture.Read("route53-change-resource-record-sets.xml"));
        using var clients = CreateSut();
        var batch = new ChangeBatch(
            [new Change(ChangeAction.Upsert,
            new ResourceRecordSet("api.example.com.", "A", new AliasTarget("Z35SXDOTRQ7X7K", "alb.example.", true), null, []))],
            "failover");

        var change = await clients.Route53.ChangeResourceRecordSetsAsync(zoneId, batch, default);

        Assert.Equal(new ChangeInfo("C0123456789ABCDEF", "PENDING", new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero)), change);
        var request = Assert.Single(Handler.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("https://route53.amazonaws.com/2013-04-01/hostedzone/Z111111QQQQQQQ/rrset", request.Uri.ToString());
        Assert.Equal("application/xml", request.Headers["content-type"]);
        Assert.Contains("/us-east-1/route53/aws4_request", request.Headers["authorization"], StringComparison.Ordinal);
        var alias = XDocument.Parse(request.Body).Descendants(XName.Get("AliasTarget", Route53Xml.Namespace)).Single();
        Assert.Equal("true", alias.Element(XName.Get("EvaluateTargetHealth", Route53Xml.Namespace))!.Value);
        Assert.DoesNotContain("<TTL>", request.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChangeResourceRecordSetsAsync_DeleteThenCreate_SendsBothChangesInOrder()
    {
        Handler.Respond(HttpStatusCode.OK, Fixture.Read("route53-change-resource-record-sets.xml"));
        using var clients = CreateSut();
        var batch = new ChangeBatch(
            [
                new Change(ChangeAction.Delete,
                    new ResourceRecordSet("www.example.com.", "CNAME", null, 60, ["primary.example.com"]) { SetIdentifier = "main" }),
                new Change(ChangeAction.Create,
                    new ResourceRecordSet("www.example.com.", "CNAME", null, 60, ["standby.example.com"]) { SetIdentifier = "main" }),
            ],
            null);

        await clients.Route53.ChangeResourceRecordSetsAsync("Z1", batch, default);

        var body = XDocument.Parse(Assert.Single(Handler.Requests).Body);
        var changes = body.Descendants(XName.Get("Change", Route53Xml.Namespace)).ToList();
        Assert.Equal(["DELETE", "CREATE"], changes.Select(c => c.Element(XName.Get("Action", Route53Xml.Namespace))!.Value));
        Assert.Equal(["primary.example.com", "standby.example.com"],
            body.Descendants(XName.Get("Value", Route53Xml.Namespace)).Select(v => v.Value));
        Assert.All(changes, c => Assert.Equal("60", c.Descendants(XName.Get("TTL", Route53Xml.Namespace)).Single().Value));
        Assert.All(changes, c => Assert.Equal("main", c.Descendants(XName.Get("SetIdentifier", Route53Xml.Namespace)).Single().Value));
        Assert.Empty(body.Descendants(XName.Get("Comment", Route53Xml.Namespace)));
    }

    [Fact]
    public async Task ChangeResourceRecordSetsAsync_InvalidChangeBatch_ThrowsWithEveryMessageAndNoRetry()
    {
        // No x-amzn-RequestId header: the id comes from the body.
        Handler.Respond(HttpStatusCode.BadRequest, Fixture.Read("route53-error-invalid-change-batch.xml"), requestId: null);
        using var clients = CreateSut();
        var batch =
            new ChangeBatch([new Change(ChangeAction.Create, new ResourceRecordSet("a.example.com.", "A", null, 60, ["192.0.2.1"]))], null);

        var error =
            await Assert.ThrowsAsync<AwsServiceException>(() => clients.Route53.ChangeResourceRecordSetsAsync("Z1", batch, default));

        Assert.Equal(("Route53", "ChangeResourceRecordSets", "InvalidChangeBatch"), (error.Service, error.Operation, error.ErrorCode));
        Assert.Equal(2, error.Messages.Count);
        Assert.Equal("b25f48e8-84fd-11e6-80d9-574e0c4664cb", error.RequestId);
        Assert.Single(Handler.Requests);
    }

    [Fact]
    public async Task GetChangeAsync_PrefixedId_GetsBareIdAndReadsInSync()
    {
        Handler.Respond(HttpStatusCode.OK, Fixture.Read("route53-get-change.xml"));
        using var clients = CreateSut();

        var change = await clients.Route53.GetChangeAsync("/change/C0123456789ABCDEF", default);

        Assert.True(change.IsInSync);
        Assert.Equal("C0123456789ABCDEF", change.Id);
        Assert.Equal("/2013-04-01/change/C0123456789ABCDEF", Assert.Single(Handler.Requests).Uri.AbsolutePath);
    }

    [Fact]
    public async Task ListResourceRecordSetsAsync_AliasAndCname_ReadsBothShapes()
    {
        Handler.Respond(HttpStatusCode.OK, Fixture.Read("route53-list-resource-record-sets.xml"));
        using var clients = CreateSut();

        var records = await clients.Route53.ListResourceRecordSetsAsync("/hostedzone/Z1", "*.example.com.", "A", 2, default);

        Assert.Equal("/2013-04-01/hostedzone/Z1/rrset?maxitems=2&name=%2A.example.com.&type=A",
            Assert.Single(Handler.Requests).Uri.PathAndQuery);
        Assert.Equal(2, records.Count);
        Assert.Equal(new AliasTarget("Z35SXDOTRQ7X7K", "primary-alb-123.us-east-1.elb.amazonaws.com.", true), records[0].AliasTarget);
        Assert.Null(records[0].Ttl);
        Assert.Empty(records[0].ResourceRecords);
        Assert.Equal(("www.example.com.", "CNAME", 60L, "primary"),
            (records[1].Name, records[1].Type, records[1].Ttl!.Value, records[1].SetIdentifier));
        Assert.Equal(["api.example.com"], records[1].ResourceRecords);
        Assert.Null(records[1].AliasTarget);
    }

    [Fact]
    public async Task GetHealthCheckStatusAsync_MixedObservations_ReadsEveryChecker()
    {
        Handler.Respond(HttpStatusCode.OK, Fixture.Read("route53-get-health-check-status.xml"));
        using var clients = CreateSut();

        var status = await clients.Route53.GetHealthCheckStatusAsync("abcdef11-2222-3333-4444-555555fedcba", default);

        Assert.Equal("/2013-04-01/healthcheck/abcdef11-2222-3333-4444-555555fedcba/status",
            Assert.Single(Handler.Requests).Uri.AbsolutePath);
        Assert.Equal(2, status.Observations.Count);
        Assert.Equal(("us-east-1", "15.177.2.1"), (status.Observations[0].Region, status.Observations[0].IpAddress));
        Assert.StartsWith("Success", status.Observations[0].Status, StringComparison.Ordinal);
        Assert.StartsWith("Failure", status.Observations[1].Status, StringComparison.Ordinal);
        Assert.True(status.IsHealthy);
    }

    [Theory]
    [InlineData("<GetChangeResponse><ChangeInfo><Id>/change/C1</Id><Status>INSY")]
    [InlineData(
        "<GetChangeResponse><ChangeInfo><Id>/change/C1</Id><SubmittedAt>2024-01-01T00:00:00Z</SubmittedAt></ChangeInfo>"
        + "</GetChangeResponse>")]
    [InlineData(
        "<GetChangeResponse><ChangeInfo><Id>/change/C1</Id><Status>INSYNC</Status><SubmittedAt>yesterday</SubmittedAt></ChangeInfo>"
        + "</GetChangeResponse>")]
    [InlineData("<ErrorResponse/>")]
    [InlineData("")]
    public async Task GetChangeAsync_MalformedBody_ThrowsMalformedResponse(string body)
    {
        Handler.Respond(HttpStatusCode.OK, body);
        using var clients = CreateSut();

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => clients.Route53.GetChangeAsync("C1", default));

        Assert.Equal(AwsErrorParser.MalformedResponseCode, error.ErrorCode);
        Assert.Contains("GetChange", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListResourceRecordSetsAsync_EvaluateTargetHealthNotBoolean_ThrowsMalformedResponse()
    {
        Handler.Respond(HttpStatusCode.OK,
            Fixture.Read(
            "route53-list-resource-record-sets.xml").Replace(
            ">true</EvaluateTargetHealth>", ">yes</EvaluateTargetHealth>", StringComparison.Ordinal));
        using var clients = CreateSut();

        var error = await Assert.ThrowsAsync<AwsServiceException>(() =>
            clients.Route53.ListResourceRecordSetsAsync("Z1", "api.example.com.", "A", 1, default));

        Assert.Equal(AwsErrorParser.MalformedResponseCode, error.ErrorCode);
        Assert.Contains("EvaluateTargetHealth", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("/hostedzone/")]
    [InlineData("Z1/../../healthcheck")]
    public async Task GetChangeAsync_NotAnId_ThrowsArgumentException(string id)
    {
        using var clients = CreateSut();

        await Assert.ThrowsAnyAsync<ArgumentException>(() => clients.Route53.ListResourceRecordSetsAsync(id, "a.", "A", 1, default));

        Assert.Empty(Handler.Requests);
    }
}
