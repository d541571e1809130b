using FailoverOrchestrator.LocalCloud;
using FailoverOrchestrator.LocalCloud.Faults;

namespace FailoverOrchestrator.IntegrationTests.LocalCloud;

public sealed class FaultInjectionTests : IAsyncDisposable
{
    private const string Region = "eu-west-1";
    private readonly LocalCloudSut _sut = CreateSut(seed: 7);
    private readonly string _topicArn;

    public FaultInjectionTests()
    {
        _topicArn = _sut.Server.Sns.AddTopic(Region, "alerts");
        _sut.Server.Ecs.AddService(Region, "app", "web", 1, 1);
    }

    public ValueTask DisposeAsync() => _sut.DisposeAsync();

    [Fact]
    public async Task Arm_NextTwoCalls_FailsTwiceThenSucceedsAndCountsEveryCall()
    {
        _sut.Server.Faults.Arm(new FaultRule(LocalService.Sns, "Publish", FaultKind.Throttling) { NextCalls = 2 });

        var statuses = new List<int>();
        for (var call = 0; call < 3; call++)
        {
            statuses.Add((await PublishAsync()).Status);
        }

        Assert.Equal([400, 400, 200], statuses);
        Assert.Equal(3, _sut.Server.Calls.Count(LocalService.Sns, "Publish"));
        Assert.Equal(2, _sut.Server.Calls.CountErrors(LocalService.Sns, "Publish"));
        Assert.All(_sut.Server.Calls.Snapshot().Take(2), c =>
            Assert.Equal(("Throttling", true, Region), (c.ErrorCode, c.Injected, c.Region)));
        Assert.Single(_sut.Server.Sns.GetMessages());
        Assert.Empty(_sut.Server.Faults.Armed());
    }

    [Fact]
    public async Task Arm_EcsThrottling_JsonThrottlingException()
    {
        _sut.Server.Faults.Arm(new FaultRule(LocalService.Ecs, null, FaultKind.Throttling) { NextCalls = 1 });

        var (status, body) = await _sut.Http.EcsAsync(Region, "DescribeServices", """{"cluster":"app","services":["web"]}""");

        Assert.Equal(400, status);
        Assert.Equal("ThrottlingException", (string)body["__type"]!);
    }

    [Fact]
    public async Task Arm_ServiceUnavailable_Answers503WithoutChangingState()
    {
        _sut.Server.Faults.Arm(new FaultRule(LocalService.Ecs, "UpdateService", FaultKind.ServiceUnavailable) { NextCalls = 1 });

        var (status, body) = await _sut.Http.EcsAsync(Region, "UpdateService", """{"cluster":"app","service":"web","desiredCount":5}""");

        Assert.Equal(503, status);
        Assert.Equal("ServiceUnavailable", (string)body["__type"]!);
        Assert.Equal(1, _sut.Server.Ecs.GetService(Region, "app", "web")!.DesiredCount);
    }

    [Fact]
    public async Task Arm_ShareOfCalls_SameSeedFailsTheSameCalls()
    {
        var first = await FailedCallsAsync(_sut, _topicArn);
        await using var again = CreateSut(seed: 7);
        var second = await FailedCallsAsync(again, again.Server.Sns.AddTopic(Region, "alerts"));

        Assert.Equal(first, second);
        Assert.InRange(first.Count, 4, 16);
    }

    [Fact]
    public async Task Arm_Latency_AnswersOnlyOnceTheClockHasMoved()
    {
        _sut.Server.Faults.Arm(new FaultRule(LocalService.Sns, "Publish", FaultKind.Latency) { Latency = TimeSpan.FromSeconds(5) });
        var held = _sut.Server.Faults.WhenHeldAsync(LocalService.Sns, "Publish");
        var arrivedAt = _sut.Time.GetUtcNow();

        // The server signals once the request is held with its delay on the clock: no guess at when it arrives.
        var call = PublishAsync();
        await held.WaitAsync(TimeSpan.FromSeconds(10));
        var answeredEarly = call.IsCompleted;
        _sut.Time.Advance(TimeSpan.FromSeconds(5));
        var (status, _) = await call.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.False(answeredEarly);
        Assert.Equal(200, status);
        Assert.Equal(arrivedAt + TimeSpan.FromSeconds(5), _sut.Server.Calls.Snapshot().Single().Time);
    }

    [Fact]
    public async Task Request_WithoutAuthorization_MissingAuthenticationTokenAndNotCountedAsFault()
    {
        _sut.Server.Faults.Arm(new FaultRule(LocalService.Sns, null, FaultKind.InternalFailure));

        var (status, body) = await _sut.Http.SnsAsync(Region, Form(_topicArn), signed: false);

        Assert.Equal(403, status);
        Assert.Equal("MissingAuthenticationToken", body.Descendants().Single(e => e.Name.LocalName == "Code").Value);
        Assert.False(_sut.Server.Calls.Snapshot().Single().Injected);
    }

    private static LocalCloudSut CreateSut(int seed) =>
        new(time => new LocalCloudOptions { TimeProvider = time, FaultSeed = seed });

    private Task<(int Status, System.Xml.Linq.XElement Body)> PublishAsync() => _sut.Http.SnsAsync(Region, Form(_topicArn));

    private static Dictionary<string, string> Form(string topicArn) => new()
    {
        ["Action"] = "Publish",
        ["Version"] = "2010-03-31",
        ["TopicArn"] = topicArn,
        ["Message"] = "hello",
    };

    private static async Task<List<int>> FailedCallsAsync(LocalCloudSut sut, string topicArn)
    {
        sut.Server.Faults.Arm(new FaultRule(LocalService.Sns, "Publish", FaultKind.InternalFailure) { Share = 0.3 });
        var failed = new List<int>();
        for (var call = 0; call < 30; call++)
        {
            if ((await sut.Http.SnsAsync(Region, Form(topicArn))).Status == 500)
            {
                failed.Add(call);
            }
        }

        return failed;
    }
}
