using System.Xml.Linq;
using FailoverOrchestrator.LocalCloud.Route53;
using static FailoverOrchestrator.IntegrationTests.LocalCloud.LocalCloudHttp;

namespace FailoverOrchestrator.IntegrationTests.LocalCloud;

public sealed class Route53ChangeBatchTests : IAsyncDisposable
{
    private readonly LocalCloudSut _sut = new();
    private readonly string _zoneId;

    public Route53ChangeBatchTests()
    {
        _zoneId = _sut.Server.Route53.AddHostedZone("example.com.");
        _sut.Server.Route53.PutRecord(_zoneId, RecordSet.Plain("api.example.com.", "A", 60, "192.0.2.1"));
    }

    public ValueTask DisposeAsync() => _sut.DisposeAsync();

    [Fact]
    public async Task ChangeResourceRecordSets_OneChangeInvalid_AppliesNone()
    {
        var before = _sut.Server.Route53.GetRecords(_zoneId);

        var (status, body) = await _sut.Http.ChangeRecordsAsync(
            _zoneId,
            Change("UPSERT", "new.example.com.", "A", 60, "192.0.2.9"),
            Change("DELETE", "api.example.com.", "A", 60, "192.0.2.1"),
            Change("CREATE", "api.example.com.", "A", 60, "192.0.2.2"),
            Change("CREATE", "api.example.com.", "A", 60, "192.0.2.3"));

        Assert.Equal(400, status);
        Assert.Equal("InvalidChangeBatch", body.Descendants(R53("Code")).Single().Value);
        Assert.Equal(
            ["Tried to create resource record set [name='api.example.com.', type='A'] but it already exists"],
            body.Descendants(R53("Messages")).Elements(R53("Message")).Select(m => m.Value));
        Assert.Equal(before, _sut.Server.Route53.GetRecords(_zoneId));
    }

    [Fact]
    public async Task ChangeResourceRecordSets_DeleteThenCreate_AppliesBoth()
    {
        var (status, _) = await _sut.Http.ChangeRecordsAsync(
            _zoneId,
            Change("DELETE", "api.example.com.", "A", 60, "192.0.2.1"),
            Change("CREATE", "api.example.com.", "A", 60, "192.0.2.2"));

        Assert.Equal(200, status);
        Assert.Equal(["192.0.2.2"], _sut.Server.Route53.FindRecord(_zoneId, "api.example.com", "A")!.Values);
    }

    [Fact]
    public async Task ChangeResourceRecordSets_DeleteWithStaleValue_InvalidChangeBatchAndUnchanged()
    {
        var (status, body) = await _sut.Http.ChangeRecordsAsync(_zoneId, Change("DELETE", "api.example.com.", "A", 300, "192.0.2.1"));

        Assert.Equal(400, status);
        Assert.Contains("do not match the current values", body.Descendants(R53("Message")).First().Value, StringComparison.Ordinal);
        Assert.Equal(60, _sut.Server.Route53.FindRecord(_zoneId, "api.example.com.", "A")!.Ttl);
    }

    [Fact]
    public async Task ChangeResourceRecordSets_AliasWithTtlAfterValidChange_InvalidInputAndUnchanged()
    {
        var aliasWithTtl = "<Change><Action>UPSERT</Action><ResourceRecordSet><Name>api.example.com.</Name><Type>A</Type><TTL>60</TTL>"
            + "<AliasTarget><HostedZoneId>Z35SXDOTRQ7X7K</HostedZoneId><DNSName>alb.example.net.</DNSName><EvaluateTargetHealth>"
                + "true</EvaluateTargetHealth></AliasTarget>"
            + "</ResourceRecordSet></Change>";

        var (status, body) =
            await _sut.Http.ChangeRecordsAsync(_zoneId, Change("UPSERT", "new.example.com.", "A", 60, "192.0.2.9"), aliasWithTtl);

        Assert.Equal(400, status);
        Assert.Equal("InvalidInput", body.Descendants(R53("Code")).Single().Value);
        Assert.Null(_sut.Server.Route53.FindRecord(_zoneId, "new.example.com.", "A"));
    }

    [Fact]
    public async Task ChangeResourceRecordSets_MalformedXml_InvalidInput()
    {
        var (status, body) =
            await _sut.Http.Route53Async(HttpMethod.Post, $"2013-04-01/hostedzone/{_zoneId}/rrset", "<ChangeResourceRecordSetsRequest><");

        Assert.Equal(400, status);
        Assert.Equal("InvalidInput", body.Descendants(R53("Code")).Single().Value);
    }

    [Fact]
    public async Task ListResourceRecordSets_FromNameAndType_StartsThereInRoute53Order()
    {
        _sut.Server.Route53.PutRecord(_zoneId, RecordSet.Plain("example.com.", "TXT", 60, "\"apex\""));
        _sut.Server.Route53.PutRecord(_zoneId, RecordSet.Plain("b.example.com.", "A", 60, "192.0.2.5"));
        _sut.Server.Route53.PutRecord(_zoneId, RecordSet.Plain("api.example.com.", "TXT", 60, "\"x\""));

        var (status, body) = await _sut.Http.Route53Async(HttpMethod.Get,
            $"2013-04-01/hostedzone/{_zoneId}/rrset?name=api.example.com.&type=TXT&maxitems=1");

        Assert.Equal(200, status);
        Assert.Equal(["api.example.com./TXT"],
            body.Descendants(R53("ResourceRecordSet")).Select(r => $"{r.Element(R53("Name"))!.Value}/{r.Element(R53("Type"))!.Value}"));
        Assert.Equal("true", body.Element(R53("IsTruncated"))!.Value);
        Assert.Equal("b.example.com.", body.Element(R53("NextRecordName"))!.Value);
    }
}
