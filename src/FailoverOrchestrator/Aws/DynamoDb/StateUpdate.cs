using Amazon.DynamoDBv2.Model;

namespace FailoverOrchestrator.Aws.DynamoDb;

/// <summary>One conditional UpdateItem of the state item: its condition, its update and the values both use.</summary>
internal sealed record StateUpdate(string Condition, string Update, Dictionary<string, AttributeValue> Values);
