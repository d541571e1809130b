using FailoverOrchestrator.State;
using FailoverOrchestrator.Watch;

namespace FailoverOrchestrator.Tests.Watch;

public class ReadinessChangeTests
{
    private static readonly DateTimeOffset Earlier = new(2026, 12, 1, 3, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Now = Earlier.AddMinutes(5);

    public static TheoryData<string, string[]?, string[], string, bool> Cases => new()
    {
        // name, prior reasons (null: never checked; empty: ready), reasons now, change, pages
        { "first check, ready", null, [], "FirstReady", false },
        { "first check, not ready", null, ["service gone"], "BecameNotReady", true },
        { "ready, still ready", [], [], "Unchanged", false },
        { "ready, now not ready", [], ["desired count drifted"], "BecameNotReady", true },
        { "not ready, same reasons", ["desired count drifted"], ["desired count drifted"], "Unchanged", false },
        { "not ready, another reason too", ["desired count drifted"], ["desired count drifted", "replica not ACTIVE"], "ReasonsChanged",
            false },
        { "not ready, one reason fixed", ["a", "b"], ["b"], "ReasonsChanged", false },
        { "not ready, now ready", ["routing control missing"], [], "ReadyAgain", true },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Decide_PriorAndProblems_ChangeAndPage(string name, string[]? prior, string[] problems, string kind, bool pages)
    {
        var record = prior is null
            ? null : new ReadinessRecord { Ready = prior.Length == 0, Since = Earlier, Reasons = prior, Changes = 4 };

        var change = ReadinessChange.Decide(record, problems, Now);

        Assert.True(Enum.Parse<ReadinessChangeKind>(kind) == change.Kind, $"{name}: {change.Kind}");
        Assert.Equal(pages, change.Pages);
        Assert.Equal(kind != nameof(ReadinessChangeKind.Unchanged), change.Records);
        Assert.Equal(problems.Length == 0, change.Next.Ready);
        Assert.Equal(problems, change.Next.Reasons);
    }

    [Fact]
    public void Decide_VerdictTurns_SinceIsNowAndCountAdvances()
    {
        var prior = new ReadinessRecord { Ready = true, Since = Earlier, Changes = 4 };

        var change = ReadinessChange.Decide(prior, ["service gone"], Now);

        Assert.Equal(Now, change.Next.Since);
        Assert.Equal(5, change.Next.Changes);
    }

    [Fact]
    public void Decide_SameVerdictOtherReasons_KeepsItsSince()
    {
        var prior = new ReadinessRecord { Ready = false, Since = Earlier, Reasons = ["a"], Changes = 2 };

        var change = ReadinessChange.Decide(prior, ["a", "b"], Now);

        Assert.Equal(Earlier, change.Next.Since);
        Assert.Equal(3, change.Next.Changes);
    }

    [Fact]
    public void Decide_Unchanged_NextIsThePriorRecord()
    {
        var prior = new ReadinessRecord { Ready = true, Since = Earlier, Changes = 7 };

        var change = ReadinessChange.Decide(prior, [], Now);

        Assert.Same(prior, change.Next);
    }
}
