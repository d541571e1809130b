using Amazon.DynamoDBv2.Model;
using FailoverOrchestrator.State;

namespace FailoverOrchestrator.Aws.DynamoDb;

/// <summary>The phases as the state item stores them.</summary>
internal static class PhaseValues
{
    public static readonly AttributeValue Steady = DynamoValues.String(nameof(Phase.Steady));
    public static readonly AttributeValue FailingOver = DynamoValues.String(nameof(Phase.FailingOver));
    public static readonly AttributeValue FailingBack = DynamoValues.String(nameof(Phase.FailingBack));
    public static readonly AttributeValue Failed = DynamoValues.String(nameof(Phase.Failed));

    public static AttributeValue Of(Phase phase) => DynamoValues.String(phase.ToString());
}
