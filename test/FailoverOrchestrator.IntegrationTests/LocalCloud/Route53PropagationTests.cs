using FailoverOrchestrator.LocalCloud;
using static FailoverOrchestrator.IntegrationTests.LocalCloud.LocalCloudHttp;

namespace FailoverOrchestrator.IntegrationTests.LocalCloud;

public sealed class Route53PropagationTests : IAsyncDisposable
{
    private readonly LocalCloudSut _sut =
        new(time => new LocalCloudOptions { TimeProvider = time, ChangePropagationDelay = TimeSpan.FromSeconds(60) });

    public ValueTask DisposeAsync() => _sut.DisposeAsync();

    [Fact]
    public async Task GetChange_BeforeAndAfterPropagationDelay_PendingThenInSync()
    {
        var zoneId = _sut.Server.Route53.AddHostedZone("example.com");
        var (status, changed) = await _sut.Http.ChangeRecordsAsync(zoneId, Change("UPSERT", "api.example.com.", "A", 60, "192.0.2.1"));
        var changeId = changed.Descendants(R53("Id")).Single().Value;

        var submitted = await StatusAsync(changeId);
        _sut.Time.Advance(TimeSpan.FromSeconds(59));
        var justBefore = await StatusAsync(changeId);
        _sut.Time.Advance(TimeSpan.FromSeconds(1));
        var after = await StatusAsync(changeId);

        Assert.Equal(200, status);
        Assert.Equal("PENDING", changed.Descendants(R53("Status")).Single().Value);
        Assert.Equal(["PENDING", "PENDING", "INSYNC"], new[] { submitted, justBefore, after });
    }

    [Fact]
    public async Task GetChange_UnknownId_NoSuchChange()
    {
        var (status, body) = await _sut.Http.Route53Async(HttpMethod.Get, "2013-04-01/change/CUNKNOWN");

        Assert.Equal(404, status);
        Assert.Equal("NoSuchChange", body.Descendants(R53("Code")).Single().Value);
    }

    private async Task<string> StatusAsync(string changeId)
    {
        var (_, body) = await _sut.Http.Route53Async(HttpMethod.Get, "2013-04-01" + changeId);
        return body.Descendants(R53("Status")).Single().Value;
    }
}
