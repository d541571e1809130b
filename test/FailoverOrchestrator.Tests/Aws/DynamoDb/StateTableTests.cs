using Amazon.DynamoDBv2.Model;
using FailoverOrchestrator.Aws.DynamoDb;

namespace FailoverOrchestrator.Tests.Aws.DynamoDb;

/// <summary>The optimistic counter condition the watch and readiness writes share.</summary>
public class StateTableTests
{
    [Theory]
    [InlineData("watchRuns")]
    [InlineData("readinessChanges")]
    public void CounterCondition_FirstSave_NeedsTheItemAndNoCounterYet(string counter)
    {
        var values = new Dictionary<string, AttributeValue>();

        var condition = StateTable.CounterCondition(counter, 0, values);

        Assert.Equal($"attribute_exists(#app) AND attribute_not_exists(#{counter})", condition);
        Assert.Empty(values);
        Assert.Equal(new Dictionary<string, string> { ["#app"] = "app", [$"#{counter}"] = counter },
            ExpressionNames.For(StateItem.Attributes, condition));
    }

    [Theory]
    [InlineData("watchRuns", 1, "1")]
    [InlineData("readinessChanges", 42, "42")]
    public void CounterCondition_LaterSave_NeedsTheCounterItRead(string counter, long seen, string number)
    {
        var values = new Dictionary<string, AttributeValue> { [":runs"] = new() { N = "7" } };

        var condition = StateTable.CounterCondition(counter, seen, values);

        Assert.Equal($"#{counter} = :seen", condition);
        Assert.Equal(number, values[":seen"].N);
        Assert.Equal("7", values[":runs"].N);
        Assert.Equal(new Dictionary<string, string> { [$"#{counter}"] = counter }, ExpressionNames.For(StateItem.Attributes, condition));
    }
}
