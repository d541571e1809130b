using FailoverOrchestrator.LocalCloud;
using FailoverOrchestrator.LocalCloud.Calls;

namespace FailoverOrchestrator.IntegrationTests.LocalCloud;

public sealed class LocalCloudServerTests : IAsyncDisposable
{
    private readonly LocalCloudSut _sut = new();

    public ValueTask DisposeAsync() => _sut.DisposeAsync();

    [Fact]
    public async Task DispatchAsync_ManyConcurrentCallsOnKeptAliveConnections_AnswersEvery()
    {
        _sut.Server.Ecs.AddService("us-west-2", "app", "web", 2, 2);

        var answers = await Task.WhenAll(Enumerable.Range(0, 200).Select(_ =>
            _sut.Http.EcsAsync("us-west-2", "DescribeServices", """{"cluster":"app","services":["web"]}""")));

        Assert.All(answers, a => Assert.Equal(200, a.Status));
        Assert.Equal([new CallSummary(LocalService.Ecs, "DescribeServices", 200, 0, 0)], _sut.Server.Calls.Summarize());
    }

    [Fact]
    public async Task Start_TwoServers_ListenOnDifferentLoopbackPorts()
    {
        await using var other = LocalCloudServer.Start();

        Assert.Equal("127.0.0.1", other.Endpoint.Host);
        Assert.NotEqual(_sut.Server.Endpoint.Port, other.Endpoint.Port);
    }

    [Fact]
    public async Task DisposeAsync_Stopped_RefusesConnections()
    {
        var server = LocalCloudServer.Start();
        using var http = new HttpClient { BaseAddress = server.Endpoint };

        await server.DisposeAsync();

        await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync("2013-04-01/change/C1"));
    }

    [Fact]
    public async Task DispatchAsync_UnknownService_NotFoundAndNotLogged()
    {
        using var http = new HttpClient { BaseAddress = _sut.Server.Endpoint };

        using var response = await http.GetAsync("some/other/api");

        Assert.Equal(404, (int)response.StatusCode);
        Assert.Empty(_sut.Server.Calls.Snapshot());
    }

    [Fact]
    public async Task DispatchAsync_EveryAnswer_CarriesRequestId()
    {
        using var http = new HttpClient { BaseAddress = _sut.Server.Endpoint };

        using var response = await http.GetAsync("2013-04-01/change/C1");

        Assert.Equal(403, (int)response.StatusCode);
        Assert.True(Guid.TryParse(response.Headers.GetValues("x-amzn-RequestId").Single(), out _));
    }
}
