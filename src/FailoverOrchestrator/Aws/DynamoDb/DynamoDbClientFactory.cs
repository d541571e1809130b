using System.Collections.Concurrent;
using Amazon.DynamoDBv2;
using Amazon.Runtime;

namespace FailoverOrchestrator.Aws.DynamoDb;

/// <summary>
/// Builds and caches one <see cref="AmazonDynamoDBClient"/> per region. <c>AWS_ENDPOINT_URL_DYNAMODB</c>, then
/// <c>AWS_ENDPOINT_URL</c>, replace the regional endpoint (dynalite in tests and in the drill).
/// </summary>
internal sealed class DynamoDbClientFactory : IDynamoDbClientFactory, IDisposable
{
    /// <summary>The SDK's retries are the only retry layer for DynamoDB; its default of 10 would outlast the invocation.</summary>
    public const int DefaultMaxErrorRetry = 3;

    private readonly ConcurrentDictionary<string, Lazy<AmazonDynamoDBClient>> _clients = new(StringComparer.Ordinal);
    private readonly AWSCredentials? _credentials;
    private readonly Func<string, string?> _getEnvironmentVariable;
    private readonly TimeSpan _requestTimeout;
    private readonly int _maxErrorRetry;

    /// <param name="credentials">Explicit credentials, or null for the SDK's default chain.</param>
    /// <param name="requestTimeout">The timeout of one HTTP attempt.</param>
    /// <param name="maxErrorRetry">How many times the SDK retries a throttled or failed request.</param>
    /// <param name="getEnvironmentVariable">Reads an environment variable; lets tests point the factory at loopback without changing the
    /// process environment.</param>
    public DynamoDbClientFactory(
        AWSCredentials? credentials,
        TimeSpan requestTimeout,
        int maxErrorRetry = DefaultMaxErrorRetry,
        Func<string, string?>? getEnvironmentVariable = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(requestTimeout, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfNegative(maxErrorRetry);
        _credentials = credentials;
        _requestTimeout = requestTimeout;
        _maxErrorRetry = maxErrorRetry;
        _getEnvironmentVariable = getEnvironmentVariable ?? Environment.GetEnvironmentVariable;
    }

    public IAmazonDynamoDB GetClient(string region)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(region);

        // Lazy so that two threads asking for a new region at once do not both build (and leak) a client.
        return _clients.GetOrAdd(region, r => new Lazy<AmazonDynamoDBClient>(() => CreateClient(r))).Value;
    }

    /// <summary>The client configuration for <paramref name="region"/>; internal for tests.</summary>
    internal AmazonDynamoDBConfig CreateConfig(string region)
    {
        var config = new AmazonDynamoDBConfig
        {
            MaxErrorRetry = _maxErrorRetry,
            RetryMode = RequestRetryMode.Standard,
            Timeout = _requestTimeout,
        };

        var endpoint = FirstNonEmpty(_getEnvironmentVariable("AWS_ENDPOINT_URL_DYNAMODB"), _getEnvironmentVariable("AWS_ENDPOINT_URL"));
        if (endpoint is null)
        {
            config.RegionEndpoint = Amazon.RegionEndpoint.GetBySystemName(region);
        }
        else
        {
            // A ServiceURL hides the region from the signer, so name it explicitly: the request is still signed for the region asked for.
            config.ServiceURL = endpoint;
            config.AuthenticationRegion = region;
        }

        return config;
    }

    public void Dispose()
    {
        foreach (var client in _clients.Values)
        {
            if (client.IsValueCreated)
            {
                client.Value.Dispose();
            }
        }

        _clients.Clear();
    }

    private AmazonDynamoDBClient CreateClient(string region)
    {
        var config = CreateConfig(region);
        return _credentials is null ? new AmazonDynamoDBClient(config) : new AmazonDynamoDBClient(_credentials, config);
    }

    private static string? FirstNonEmpty(params string?[] values) => values.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));
}
