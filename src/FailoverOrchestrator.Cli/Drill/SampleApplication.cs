using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using FailoverOrchestrator.LocalCloud.World;

namespace FailoverOrchestrator.Cli.Drill;

/// <summary>
/// The drill's protected application in one region, following the README's writer rules: before every write it asks
/// the writer-control item in its own region's replica (a consistent read, cached briefly), refuses the write unless
/// its region is the writer, and never trusts an epoch lower than one it has seen. It writes an order every few
/// milliseconds while it runs and counts what it wrote and what it refused, with the real time of each accepted write.
/// </summary>
internal sealed class SampleApplication : IAsyncDisposable
{
    private static readonly TimeSpan WriteEvery = TimeSpan.FromMilliseconds(50);

    private readonly AmazonDynamoDBClient _client;
    private readonly string _region;
    private readonly string _ordersTable;
    private readonly string _controlTable;
    private readonly string _controlKey;
    private readonly TimeSpan _cacheFor;
    private readonly TimeProvider _time;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<DateTimeOffset> _accepted = [];
    private Task? _loop;
    private (string? Writer, DateTimeOffset ReadAt)? _cached;
    private long _highestEpoch = -1;
    private int _refused;
    private int _sequence;

    /// <param name="world">The drill's world; the application reaches DynamoDB at its endpoint.</param>
    /// <param name="region">The application's own region: it writes there, and only while that region is the writer.</param>
    /// <param name="ordersTable">The global table the application writes its orders to.</param>
    /// <param name="controlTable">The table of the writer-control item.</param>
    /// <param name="controlKey">The key of the writer-control item.</param>
    /// <param name="cacheFor">How long a read of the writer-control item is trusted before it is read again.</param>
    /// <param name="time">
    /// The clock of the accepted writes and of the cache: the real one in the drill, where the writes are compared with
    /// the writer item's UpdatedAt that the function process stamps with the machine's clock.
    /// </param>
    public SampleApplication(
        LocalWorld world, string region, string ordersTable, string controlTable, string controlKey, TimeSpan cacheFor, TimeProvider time)
    {
        _time = time;
        // Its own client, without retries: a region that does not answer is a refused write at once, as rule 2 says.
        _client = new AmazonDynamoDBClient(
            new BasicAWSCredentials(LocalWorld.AccessKey, LocalWorld.SecretKey),
            new AmazonDynamoDBConfig { ServiceURL = world.Environment["AWS_ENDPOINT_URL_DYNAMODB"], AuthenticationRegion = region,
                MaxErrorRetry = 0, Timeout = TimeSpan.FromSeconds(2) });
        _region = region;
        _ordersTable = ordersTable;
        _controlTable = controlTable;
        _controlKey = controlKey;
        _cacheFor = cacheFor;
    }

    public string Region => _region;

    /// <summary>Real instants of the writes this application's region accepted.</summary>
    public IReadOnlyList<DateTimeOffset> Accepted
    {
        get
        {
            lock (_accepted)
            {
                return _accepted.ToList();
            }
        }
    }

    public int Refused => Volatile.Read(ref _refused);

    public void Start() => _loop = Task.Run(() => RunAsync(_stop.Token));

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await (_loop ?? Task.CompletedTask);
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }

        _stop.Dispose();
        _client.Dispose();
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            if (await MayWriteAsync(cancellationToken))
            {
                try
                {
                    var n = Interlocked.Increment(ref _sequence);
                    await _client.PutItemAsync(new PutItemRequest
                    {
                        TableName = _ordersTable,
                        Item = new()
                        {
                            ["pk"] = new AttributeValue { S = string.Create(CultureInfo.InvariantCulture, $"order-{_region}-{n}") },
                            ["region"] = new AttributeValue { S = _region },
                        },
                    }, cancellationToken);
                    lock (_accepted)
                    {
                        _accepted.Add(_time.GetUtcNow());
                    }
                }
                catch (AmazonDynamoDBException)
                {
                    // The write did not happen; whatever the cache said, ask again before the next one.
                    _cached = null;
                }
            }
            else
            {
                Interlocked.Increment(ref _refused);
            }

            await Task.Delay(WriteEvery, cancellationToken);
        }
    }

    private async Task<bool> MayWriteAsync(CancellationToken cancellationToken)
    {
        if (_cached is { } cached && _time.GetUtcNow() - cached.ReadAt <= _cacheFor)
        {
            return cached.Writer == _region;
        }

        string? writer = null;
        try
        {
            var response = await _client.GetItemAsync(new GetItemRequest
            {
                TableName = _controlTable,
                Key = new() { ["pk"] = new AttributeValue { S = _controlKey } },
                ConsistentRead = true,
            }, cancellationToken);
            if (response.Item is { Count: > 0 } item && item.TryGetValue("epoch", out var e)
                && long.TryParse(e.N, NumberStyles.Integer, CultureInfo.InvariantCulture, out var epoch))
            {
                // Older than an epoch already seen: a lagging replica, not to be trusted.
                writer = epoch < _highestEpoch ? null : item["writerRegion"].S;
                _highestEpoch = Math.Max(_highestEpoch, epoch);
            }
        }
        catch (AmazonDynamoDBException)
        {
            // Cannot tell who the writer is: refuse.
        }

        _cached = (writer, _time.GetUtcNow());
        return writer == _region;
    }
}
