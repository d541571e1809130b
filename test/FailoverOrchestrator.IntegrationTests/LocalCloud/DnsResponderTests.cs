using FailoverOrchestrator.LocalCloud.Route53;
using FailoverOrchestrator.Watch.Dns;

namespace FailoverOrchestrator.IntegrationTests.LocalCloud;

/// <summary>
/// LocalCloud's DNS data plane asked over real UDP/TCP by the function's own stub resolver. The wire format of both ends
/// was checked against implementations we did not write: dig 9.18 (Debian's dnsutils) queried a running responder
/// (`dig @127.0.0.1 -p PORT health.api.example.com A`, with its EDNS cookie, and `+tcp`) and read every answer, and the
/// query dig sent is replayed below; dnspython 2.3.0 made the packets the client is tested on (DnsWireTests).
/// </summary>
public sealed class DnsResponderTests : IAsyncDisposable
{
    // The query dig 9.18.49 sent for "health.api.example.com A", captured on a UDP socket: flags RD+AD, an OPT record
    // (UDP size 1232) with a client cookie in the additional section.
    private const string DigQuery =
        "91a101200001000000000001066865616c746803617069076578616d706c6503636f6d0000010001" +
        "00002904d000000000000c000a0008fa743ff287d1ecf7";

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);
    private readonly LocalCloudSut _sut = new();
    private readonly UdpDnsResolver _resolver = new();
    private readonly string _zoneId;
    private readonly string _primaryCheck;

    public DnsResponderTests()
    {
        var cloud = _sut.Server;
        _zoneId = cloud.Route53.AddHostedZone("example.com.");
        _primaryCheck = cloud.Route53.AddHealthCheck(healthy: true);
        cloud.LoadBalancers.Register("primary-lb.us-east-1.elb.amazonaws.com", ["192.0.2.1", "198.51.100.1", "2001:db8::1"], () => true);
        cloud.LoadBalancers.Register("standby-lb.us-west-2.elb.amazonaws.com", ["192.0.2.2", "198.51.100.2"], () => true);
        cloud.Route53.PutRecord(
            _zoneId, Failover("health.api.example.com", "primary-lb.us-east-1.elb.amazonaws.com", "PRIMARY", _primaryCheck));
        cloud.Route53.PutRecord(_zoneId, Failover("health.api.example.com", "standby-lb.us-west-2.elb.amazonaws.com", "SECONDARY", null));
    }

    public ValueTask DisposeAsync() => _sut.DisposeAsync();

    [Fact]
    public async Task Query_PrimaryCheckHealthy_AnswersThePrimaryAddressesUnderTheQueriedName()
    {
        var lookup = await QueryAsync("health.api.example.com", DnsRecordType.A);

        Assert.Equal(["192.0.2.1", "198.51.100.1"], lookup.Values(DnsRecordType.A));
        Assert.All(lookup.Response!.Answers, a => Assert.Equal("health.api.example.com", a.Name));
    }

    [Fact]
    public async Task Query_PrimaryCheckUnhealthy_AnswersTheSecondary()
    {
        _sut.Server.Route53.SetHealthCheckStatus(_primaryCheck, healthy: false);

        var lookup = await QueryAsync("health.api.example.com", DnsRecordType.A);

        Assert.Equal(["192.0.2.2", "198.51.100.2"], lookup.Values(DnsRecordType.A));
    }

    [Fact]
    public async Task Query_BothUnhealthy_AnswersThePrimaryAsRoute53Does()
    {
        var standbyCheck = _sut.Server.Route53.AddHealthCheck(healthy: false);
        _sut.Server.Route53.PutRecord(
            _zoneId, Failover("health.api.example.com", "standby-lb.us-west-2.elb.amazonaws.com", "SECONDARY", standbyCheck));
        _sut.Server.Route53.SetHealthCheckStatus(_primaryCheck, healthy: false);

        var lookup = await QueryAsync("health.api.example.com", DnsRecordType.A);

        Assert.Equal(["192.0.2.1", "198.51.100.1"], lookup.Values(DnsRecordType.A));
    }

    [Fact]
    public async Task Query_RecoveryControlChecks_FollowTheRoutingControls()
    {
        const string Primary = "arn:aws:route53-recovery-control::111122223333:controlpanel/p/routingcontrol/primary";
        const string Standby = "arn:aws:route53-recovery-control::111122223333:controlpanel/p/routingcontrol/standby";
        var cloud = _sut.Server;
        cloud.Cluster.Controls.AddControl(Primary, "primary", on: true);
        cloud.Cluster.Controls.AddControl(Standby, "standby", on: false);
        cloud.Route53.AddRoutingControlHealthCheck("rc-primary", Primary);
        cloud.Route53.AddRoutingControlHealthCheck("rc-standby", Standby);
        cloud.Route53.PutRecord(_zoneId, Failover("api.example.com", "primary-lb.us-east-1.elb.amazonaws.com", "PRIMARY", "rc-primary"));
        cloud.Route53.PutRecord(_zoneId, Failover("api.example.com", "standby-lb.us-west-2.elb.amazonaws.com", "SECONDARY", "rc-standby"));

        var before = await QueryAsync("api.example.com", DnsRecordType.A);
        cloud.Cluster.Controls.Update([(Standby, true), (Primary, false)]);
        var after = await QueryAsync("api.example.com", DnsRecordType.A);

        Assert.Contains("192.0.2.1", before.Values(DnsRecordType.A));
        Assert.Contains("192.0.2.2", after.Values(DnsRecordType.A));
    }

    [Fact]
    public async Task Query_Route53ApiRefusingConnections_DnsStillAnswers()
    {
        await _sut.Server.Route53Api.StopAsync();
        _sut.Server.Route53.SetHealthCheckStatus(_primaryCheck, healthy: false);

        var lookup = await QueryAsync("health.api.example.com", DnsRecordType.A);

        Assert.Equal(["192.0.2.2", "198.51.100.2"], lookup.Values(DnsRecordType.A));
    }

    [Fact]
    public async Task Query_AnswerLongerThanUdpAllows_ClientRetriesOverTcpAndGetsAll()
    {
        _sut.Server.Dns.UdpLimit = 60;

        var lookup = await QueryAsync("health.api.example.com", DnsRecordType.A);

        Assert.Equal(["192.0.2.1", "198.51.100.1"], lookup.Values(DnsRecordType.A));
        Assert.False(lookup.Response!.Truncated);
    }

    [Fact]
    public async Task Query_AaaaAndCname_AnswerByType()
    {
        _sut.Server.Route53.PutRecord(_zoneId, RecordSet.Plain("www.example.com", "CNAME", 300, "health.api.example.com"));

        var balancer = await QueryAsync("dualstack.primary-lb.us-east-1.elb.amazonaws.com", DnsRecordType.Aaaa);
        var noAaaaRecord = await QueryAsync("health.api.example.com", DnsRecordType.Aaaa);
        var chain = await QueryAsync("www.example.com", DnsRecordType.A);

        Assert.Equal(["2001:db8::1"], balancer.Values(DnsRecordType.Aaaa));
        Assert.Equal(("NOERROR", 0), (noAaaaRecord.Response!.ResponseCodeName, noAaaaRecord.Response.Answers.Count));
        Assert.Equal(["health.api.example.com"], chain.Values(DnsRecordType.Cname));
        Assert.Equal(["192.0.2.1", "198.51.100.1"], chain.Values(DnsRecordType.A));
    }

    [Theory]
    [InlineData("nothing.example.com", "NXDOMAIN")]
    [InlineData("api.example.org", "REFUSED")]
    public async Task Query_NameWithoutRecords_AnswersTheCode(string name, string code)
    {
        var lookup = await QueryAsync(name, DnsRecordType.A);

        Assert.Equal(code, lookup.Response!.ResponseCodeName);
    }

    [Fact]
    public async Task Query_ResponderStopped_FailsFastNamingTheServer()
    {
        await _sut.Server.Dns.StopAsync();

        var lookup = await QueryAsync("health.api.example.com", DnsRecordType.A);

        Assert.Null(lookup.Response);
        Assert.Contains(_sut.Server.Dns.EndPoint.ToString(), lookup.Failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Respond_DigsQueryWithEdnsCookie_AnswersItsQuestion()
    {
        var reply = _sut.Server.Dns.Respond(Convert.FromHexString(DigQuery), 512);

        var response = DnsResponseReader.Read(reply);
        Assert.True(response.IsAnswerTo(0x91a1, "health.api.example.com", DnsRecordType.A));
        Assert.Equal(["192.0.2.1", "198.51.100.1"], response.Answers.Select(a => a.Value));
    }

    private Task<DnsLookup> QueryAsync(string name, DnsRecordType type) =>
        _resolver.QueryAsync(_sut.Server.Dns.EndPoint, name, type, Timeout, CancellationToken.None);

    private static RecordSet Failover(string name, string target, string role, string? healthCheckId) =>
        RecordSet.Alias(name, "A", "Z35SXDOTRQ7X7K", target, evaluateTargetHealth: false) with
        {
            SetIdentifier = $"{name}-{role}",
            Failover = role,
            HealthCheckId = healthCheckId,
        };
}
