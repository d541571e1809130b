using Amazon.DynamoDBv2;
using Amazon.Runtime;
using FailoverOrchestrator.Aws.DynamoDb;
using FailoverOrchestrator.LocalCloud.Dynalite;

namespace FailoverOrchestrator.IntegrationTests;

/// <summary>One dynalite for the whole collection; tests keep apart through unique table and app names.</summary>
public sealed class DynaliteFixture : IAsyncLifetime, IDisposable
{
    public const string Region = "us-east-1";

    private DynaliteServer? _server;
    private DynamoDbClientFactory? _clients;

    internal DynaliteServer Server => _server ?? throw new InvalidOperationException("The fixture is not initialized.");

    internal IDynamoDbClientFactory Clients => _clients ?? throw new InvalidOperationException("The fixture is not initialized.");

    internal IAmazonDynamoDB Client => Clients.GetClient(Region);

    public async Task InitializeAsync()
    {
        Environment.SetEnvironmentVariable("AWS_EC2_METADATA_DISABLED", "true");
        _server = await DynaliteServer.StartAsync();

        // The endpoint goes through the factory's environment seam, as AWS_ENDPOINT_URL_DYNAMODB does in the drill.
        _clients = new DynamoDbClientFactory(
            new BasicAWSCredentials("local", "local"),
            TimeSpan.FromSeconds(10),
            getEnvironmentVariable: name => name == "AWS_ENDPOINT_URL_DYNAMODB" ? _server.Endpoint : null);
    }

    public async Task DisposeAsync()
    {
        Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    public void Dispose()
    {
        _clients?.Dispose();
        _clients = null;
    }

    /// <summary>A table name no other test uses.</summary>
    public static string UniqueName(string prefix) => $"{prefix}-{Guid.NewGuid():N}";

    internal async Task<string> CreateStateTableAsync()
    {
        var name = UniqueName("state");
        await new TableProvisioner(Client).CreateStateTableAsync(name);
        return name;
    }

    internal async Task<string> CreateAuditTableAsync()
    {
        var name = UniqueName("audit");
        await new TableProvisioner(Client).CreateAuditTableAsync(name);
        return name;
    }

    internal async Task<string> CreateWriterControlTableAsync()
    {
        var name = UniqueName("writer");
        await new TableProvisioner(Client).CreateWriterControlTableAsync(name);
        return name;
    }
}
