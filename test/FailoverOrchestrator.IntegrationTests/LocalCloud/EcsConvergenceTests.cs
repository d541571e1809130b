using FailoverOrchestrator.LocalCloud;

namespace FailoverOrchestrator.IntegrationTests.LocalCloud;

public sealed class EcsConvergenceTests : IAsyncDisposable
{
    private readonly LocalCloudSut _sut = new(time => new LocalCloudOptions { TimeProvider = time, EcsTasksPerSecond = 0.5 });

    public EcsConvergenceTests() => _sut.Server.Ecs.AddService("us-west-2", "app", "web", desiredCount: 1, runningCount: 1);

    public ValueTask DisposeAsync() => _sut.DisposeAsync();

    [Fact]
    public async Task DescribeServices_AsTimePasses_RunningCountConvergesToDesired()
    {
        var (status, updated) =
            await _sut.Http.EcsAsync("us-west-2", "UpdateService", """{"cluster":"app","service":"web","desiredCount":4}""");
        var seen = new List<(int Running, int Pending)>();
        for (var step = 0; step < 4; step++)
        {
            _sut.Time.Advance(TimeSpan.FromSeconds(2));
            var (_, described) = await _sut.Http.EcsAsync("us-west-2", "DescribeServices", """{"cluster":"app","services":["web"]}""");
            var service = described["services"]![0]!;
            seen.Add(((int)service["runningCount"]!, (int)service["pendingCount"]!));
        }

        Assert.Equal(200, status);
        Assert.Equal(4, (int)updated["service"]!["desiredCount"]!);
        Assert.Equal(1, (int)updated["service"]!["runningCount"]!);
        Assert.Equal([(2, 2), (3, 1), (4, 0), (4, 0)], seen);
    }

    [Fact]
    public async Task UpdateService_ScaleDown_RunningCountFallsAtTheSameRate()
    {
        _sut.Server.Ecs.AddService("us-east-1", "app", "web", desiredCount: 3, runningCount: 3);

        await _sut.Http.EcsAsync("us-east-1", "UpdateService", """{"cluster":"app","service":"web","desiredCount":0}""");
        _sut.Time.Advance(TimeSpan.FromSeconds(2));

        Assert.Equal(2, _sut.Server.Ecs.GetService("us-east-1", "app", "web")!.RunningCount);
        Assert.Equal(1, _sut.Server.Ecs.GetService("us-west-2", "app", "web")!.RunningCount);
    }

    [Fact]
    public async Task SetCounts_TasksDown_RunningCountClimbsBackToDesired()
    {
        _sut.Server.Ecs.SetCounts("us-west-2", "app", "web", desiredCount: 2, runningCount: 0);
        var (_, down) = await _sut.Http.EcsAsync("us-west-2", "DescribeServices", """{"cluster":"app","services":["web"]}""");

        _sut.Time.Advance(TimeSpan.FromSeconds(4));

        Assert.Equal(0, (int)down["services"]![0]!["runningCount"]!);
        Assert.Equal(2, _sut.Server.Ecs.GetService("us-west-2", "app", "web")!.RunningCount);
        Assert.Null(_sut.Server.Ecs.GetService("us-west-2", "app", "api"));
    }

    [Fact]
    public async Task UpdateService_UnknownCluster_ClusterNotFoundException()
    {
        var (status, body) =
            await _sut.Http.EcsAsync("us-west-2", "UpdateService", """{"cluster":"nope","service":"web","desiredCount":1}""");

        Assert.Equal(400, status);
        Assert.Equal("ClusterNotFoundException", (string)body["__type"]!);
        Assert.Equal("Cluster not found.", (string)body["message"]!);
    }

    [Fact]
    public async Task DescribeServices_ServiceOfAnotherRegion_Missing()
    {
        _sut.Server.Ecs.AddCluster("us-east-1", "app");

        var (status, body) = await _sut.Http.EcsAsync("us-east-1", "DescribeServices", """{"cluster":"app","services":["web"]}""");

        Assert.Equal(200, status);
        Assert.Empty(body["services"]!.AsArray());
        Assert.Equal("MISSING", (string)body["failures"]![0]!["reason"]!);
        Assert.Equal("arn:aws:ecs:us-east-1:123456789012:service/app/web", (string)body["failures"]![0]!["arn"]!);
    }
}
