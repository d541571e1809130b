using System.Net;
using FailoverOrchestrator.Configuration;
using FailoverOrchestrator.Tests.TestSupport;
using FailoverOrchestrator.Watch.Dns;
using Moq;

namespace FailoverOrchestrator.Tests.Watch.Dns;

public sealed class DnsVerdictReaderTests
{
    private const string At = "Orchestrator:Apps:shop";
    private const string Primary = "shop-use1-123.us-east-1.elb.amazonaws.com";
    private const string Standby = "shop-usw2-456.us-west-2.elb.amazonaws.com";
    private static readonly IPEndPoint Server = new(IPAddress.Parse("10.0.0.2"), 53);

    private readonly Mock<IDnsResolver> _resolver = new();

    [Fact]
    public async Task ReadAsync_AliasAnswersStandbyAddresses_IsSecondary()
    {
        Answer("health.api.example.com", "192.0.2.2");
        Answer(Primary, "192.0.2.1", "198.51.100.1");
        Answer(Standby, "192.0.2.2", "198.51.100.2");

        var verdict = await CreateSut().ReadAsync(App(), CancellationToken.None);

        Assert.Equal(DnsAnswerSide.Secondary, verdict.Side);
        Assert.Equal("health.api.example.com A = 192.0.2.2 from 10.0.0.2:53", verdict.Detail);
    }

    [Fact]
    public async Task ReadAsync_AliasAnswersPrimaryAddresses_IsPrimary()
    {
        Answer("health.api.example.com", "198.51.100.1");
        Answer(Primary, "192.0.2.1", "198.51.100.1");
        Answer(Standby, "192.0.2.2");

        var verdict = await CreateSut().ReadAsync(App(), CancellationToken.None);

        Assert.Equal(DnsAnswerSide.Primary, verdict.Side);
    }

    [Fact]
    public async Task ReadAsync_AddressesOfNeither_IsUnknownNamingBoth()
    {
        Answer("health.api.example.com", "203.0.113.9");
        Answer(Primary, "192.0.2.1");
        Answer(Standby, "192.0.2.2");

        var verdict = await CreateSut().ReadAsync(App(), CancellationToken.None);

        Assert.Equal(DnsAnswerSide.Unknown, verdict.Side);
        Assert.Contains("neither region's value (192.0.2.1 / 192.0.2.2)", verdict.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_ResolverSilent_IsUnreachable()
    {
        _resolver.Setup(r => r.QueryAsync(Server, It.IsAny<string>(), DnsRecordType.A, It.IsAny<TimeSpan>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((IPEndPoint s, string _, DnsRecordType _, TimeSpan _, CancellationToken _) =>
                DnsLookup.Failed(s, "no answer from 10.0.0.2:53 within 2 s"));

        var verdict = await CreateSut().ReadAsync(App(), CancellationToken.None);

        Assert.Equal(DnsAnswerSide.Unreachable, verdict.Side);
        Assert.Equal("health.api.example.com A: no answer from 10.0.0.2:53 within 2 s", verdict.Detail);
    }

    [Fact]
    public async Task ReadAsync_NoResolverAnywhere_IsUnreachableNamingResolvConf()
    {
        var verdict = await new DnsVerdictReader(_resolver.Object, () => null).ReadAsync(App(resolver: null), CancellationToken.None);

        Assert.Equal(DnsAnswerSide.Unreachable, verdict.Side);
        Assert.Contains("/etc/resolv.conf names no nameserver", verdict.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_CnameRecord_ComparesTheTargetName()
    {
        _resolver
            .Setup(r => r.QueryAsync(
                Server, "health.api.example.com", DnsRecordType.Cname, It.IsAny<TimeSpan>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(Lookup("health.api.example.com", DnsRecordType.Cname, Primary.ToUpperInvariant()));

        var verdict = await CreateSut().ReadAsync(App(type: "CNAME"), CancellationToken.None);

        Assert.Equal(DnsAnswerSide.Primary, verdict.Side);
    }

    [Fact]
    public async Task ReadAsync_NoRecordName_NotConfiguredAndNothingAsked()
    {
        var verdict = await CreateSut().ReadAsync(TestConfig.Shop(), CancellationToken.None);

        Assert.Equal(DnsAnswerSide.NotConfigured, verdict.Side);
        _resolver.VerifyNoOtherCalls();
    }

    private DnsVerdictReader CreateSut() => new(_resolver.Object, () => null);

    private void Answer(string name, params string[] addresses) =>
        _resolver.Setup(r => r.QueryAsync(Server, name, DnsRecordType.A, TimeSpan.FromSeconds(2), It.IsAny<CancellationToken>()))
            .ReturnsAsync(Lookup(name, DnsRecordType.A, addresses));

    private static DnsLookup Lookup(string name, DnsRecordType type, params string[] values) =>
        DnsLookup.Answered(
            Server,
            new DnsResponse(
                7, true, false, 0, name, (ushort)type, values.Select(v => new DnsResourceRecord(name, (ushort)type, 60, v)).ToList()));

    private static AppOptions App(string? resolver = "10.0.0.2", string type = "A")
    {
        List<KeyValuePair<string, string?>> settings =
        [
            new($"{At}:Watch:Dns:RecordName", "health.api.example.com"),
            new($"{At}:Dns:RecordType", type),
        ];
        if (type == "CNAME")
        {
            settings.Add(new($"{At}:Dns:Ttl", "60"));
            settings.Add(new($"{At}:Regions:us-east-1:TargetHostedZoneId", string.Empty));
            settings.Add(new($"{At}:Regions:us-west-2:TargetHostedZoneId", string.Empty));
        }

        if (resolver is not null)
        {
            settings.Add(new($"{At}:Watch:Dns:Resolver", resolver));
        }

        return TestConfig.Shop(settings);
    }
}
