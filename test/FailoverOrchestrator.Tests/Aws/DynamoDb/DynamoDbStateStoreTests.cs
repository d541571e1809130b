using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using FailoverOrchestrator.Aws.DynamoDb;
using FailoverOrchestrator.Coordination;
using FailoverOrchestrator.State;
using Moq;

namespace FailoverOrchestrator.Tests.Aws.DynamoDb;

/// <summary>The shapes of the requests; the behaviour is proven against dynalite in the integration tests.</summary>
public class DynamoDbStateStoreTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);
    private readonly Mock<IAmazonDynamoDB> _client = new(MockBehavior.Strict);
    private readonly List<UpdateItemRequest> _updates = [];

    [Fact]
    public async Task TryAcquireAsync_FreshStartConditionFails_TriesTakeoverThenReturnsNull()
    {
        SetupUpdates(_ => throw new ConditionalCheckFailedException("no"));

        var state = await CreateSut().TryAcquireAsync(Request(TimeSpan.FromMinutes(5)), CancellationToken.None);

        Assert.Null(state);
        Assert.Equal(2, _updates.Count);
        Assert.StartsWith("#phase = :steady AND #activeRegion = :source", _updates[0].ConditionExpression, StringComparison.Ordinal);
        Assert.Equal("#phase = :phase AND #targetRegion = :target AND #leaseExpiresAt <= :now", _updates[1].ConditionExpression);
        Assert.All(_updates, u => Assert.Equal(ReturnValue.ALL_NEW, u.ReturnValues));
    }

    [Fact]
    public async Task TryAcquireAsync_WithCooldown_ComparesLastTransitionWithNowMinusCooldown()
    {
        SetupUpdates(_ => throw new ConditionalCheckFailedException("no"));

        await CreateSut().TryAcquireAsync(Request(TimeSpan.FromMinutes(5)), CancellationToken.None);

        Assert.Contains("#lastTransitionAt <= :quietSince", _updates[0].ConditionExpression, StringComparison.Ordinal);
        Assert.Equal((Now - TimeSpan.FromMinutes(5)).ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture),
            _updates[0].ExpressionAttributeValues[":quietSince"].N);
    }

    [Fact]
    public async Task TryAcquireAsync_ZeroCooldown_LeavesCooldownClauseOut()
    {
        SetupUpdates(_ => throw new ConditionalCheckFailedException("no"));

        await CreateSut().TryAcquireAsync(Request(TimeSpan.Zero), CancellationToken.None);

        Assert.DoesNotContain("lastTransitionAt", _updates[0].ConditionExpression, StringComparison.Ordinal);
        Assert.False(_updates[0].ExpressionAttributeValues.ContainsKey(":quietSince"));
    }

    [Fact]
    public async Task CommitAsync_ConditionFails_ThrowsLeaseLostWithEpoch()
    {
        SetupUpdates(_ => throw new ConditionalCheckFailedException("no"));

        var lost = await Assert.ThrowsAsync<LeaseLostException>(() =>
            CreateSut().CommitAsync("shop", 7, "us-west-2", Now, CancellationToken.None));

        Assert.Equal(7, lost.Epoch);
        Assert.Equal("#epoch = :epoch", Assert.Single(_updates).ConditionExpression);
        Assert.Equal("7", _updates[0].ExpressionAttributeValues[":epoch"].N);
    }

    [Fact]
    public async Task RecordFailureAsync_NotTerminal_ReleasesLeaseAtNow()
    {
        SetupUpdates(_ => new UpdateItemResponse { Attributes = Item() });

        await CreateSut().RecordFailureAsync("shop", 3, "boom", terminal: false, Now, CancellationToken.None);

        var update = Assert.Single(_updates);
        Assert.Equal("SET #lastError = :error, #leaseExpiresAt = :now", update.UpdateExpression);
        Assert.Equal(Now.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture),
            update.ExpressionAttributeValues[":now"].N);
        Assert.Equal(["#epoch", "#lastError", "#leaseExpiresAt"], update.ExpressionAttributeNames.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("leaseExpiresAt", update.ExpressionAttributeNames["#leaseExpiresAt"]);
    }

    private DynamoDbStateStore CreateSut()
    {
        var clients = new Mock<IDynamoDbClientFactory>(MockBehavior.Strict);
        clients.Setup(c => c.GetClient("us-east-1")).Returns(_client.Object);
        return new(clients.Object, "us-east-1", "state");
    }

    private void SetupUpdates(Func<UpdateItemRequest, UpdateItemResponse> answer) =>
        _client.Setup(c => c.UpdateItemAsync(It.IsAny<UpdateItemRequest>(), It.IsAny<CancellationToken>()))
            .Callback<UpdateItemRequest, CancellationToken>((r, _) => _updates.Add(r))
            .Returns<UpdateItemRequest, CancellationToken>((r, _) => Task.FromResult(answer(r)));

    private static Dictionary<string, AttributeValue> Item() => new()
    {
        ["app"] = new AttributeValue { S = "shop" },
        ["activeRegion"] = new AttributeValue { S = "us-east-1" },
        ["phase"] = new AttributeValue { S = "FailingOver" },
    };

    private static AcquireRequest Request(TimeSpan cooldown) => new()
    {
        App = "shop",
        ExecutionId = "exec-1",
        SourceRegion = "us-east-1",
        TargetRegion = "us-west-2",
        Phase = Phase.FailingOver,
        TriggerKey = "k1",
        Now = Now,
        Lease = TimeSpan.FromMinutes(1),
        Cooldown = cooldown,
    };
}
