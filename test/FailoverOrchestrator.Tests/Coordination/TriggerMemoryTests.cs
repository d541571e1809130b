using FailoverOrchestrator.Coordination;
using FailoverOrchestrator.Coordination.Acquisition;

namespace FailoverOrchestrator.Tests.Coordination;

public class TriggerMemoryTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Next_ManyKeys_BoundedInNumberNewestFirst()
    {
        var remembered = Enumerable.Range(1, 40).Select(i => Key(Now.AddMinutes(-i))).ToList();

        var next = TriggerMemory.Next(remembered, Key(Now), Now, null);

        Assert.Equal(TriggerMemory.MaxKeys, next.Count);
        Assert.Equal(Key(Now), next[0]);
        Assert.Equal(remembered.Take(TriggerMemory.MaxKeys - 1), next.Skip(1));
    }

    [Fact]
    public void Next_KeysOlderThanMaxAgeOrLastSwitch_Dropped()
    {
        var remembered = new[] { Key(Now.AddHours(-26)), Key(Now.AddHours(-2)), Key(Now.AddMinutes(-5)), "operator#failover#abc" };

        var next = TriggerMemory.Next(remembered, Key(Now), Now, answeredUntil: Now.AddHours(-1));

        Assert.Equal([Key(Now), Key(Now.AddMinutes(-5))], next);
    }

    private static string Key(DateTimeOffset at) =>
        $"arn:aws:cloudwatch:us-east-1:111122223333:alarm:shop-primary-unhealthy#{at.UtcDateTime:yyyy-MM-ddTHH:mm:ss.fff}Z";
}
