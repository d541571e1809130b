using Amazon.DynamoDBv2;

namespace FailoverOrchestrator.Aws.DynamoDb;

/// <summary>Hands out one DynamoDB client per region; a seam so callers can be tested without a network.</summary>
internal interface IDynamoDbClientFactory
{
    /// <summary>The client for <paramref name="region"/>, created on first use and reused afterwards.</summary>
    IAmazonDynamoDB GetClient(string region);
}
