using System.Collections.Concurrent;
using System.Diagnostics;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace FailoverOrchestrator.LocalCloud.GlobalTables;

/// <summary>
/// Global tables for a world of one dynalite per region: every write a replica accepts is copied to the replicas of the
/// same table in the other regions after <see cref="Delay"/>, unless replication is paused (a partition), in which case
/// it waits and is delivered on <see cref="Resume"/>. Conflicts resolve as DynamoDB global tables (multi-Region
/// eventual consistency) resolve them: each item carries the time of its last write, and a replicated write is applied
/// only if it is newer than what the destination holds, so the last writer wins.
/// </summary>
internal sealed class GlobalTableReplicator : IAsyncDisposable
{
    private static readonly TimeSpan PumpInterval = TimeSpan.FromMilliseconds(5);

    private readonly IReadOnlyDictionary<string, IAmazonDynamoDB> _replicas;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, bool> _tables = new(StringComparer.Ordinal);
    private readonly LastWriterWins _stamps = new();
    private readonly ConcurrentDictionary<string, Task<IReadOnlyList<string>>> _keySchemas = new(StringComparer.Ordinal);
    private readonly ReplicationQueue _pending = new();
    private readonly PumpPasses _passes = new();
    private readonly SemaphoreSlim _applying = new(1, 1);
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _pump;
    private volatile bool _paused;
    private long _delayTicks;
    private int _applied;
    private int _superseded;

    /// <param name="replicas">A client per region that reaches that region's dynalite directly (not through the router).</param>
    /// <param name="time">The clock that stamps writes and decides when a write is due.</param>
    public GlobalTableReplicator(IReadOnlyDictionary<string, IAmazonDynamoDB> replicas, TimeProvider time)
    {
        _replicas = replicas;
        _time = time;
        _pump = Task.Run(PumpAsync);
    }

    /// <summary>Gets or sets how long a write takes to reach the other replicas (DynamoDB: usually under a second).</summary>
    public TimeSpan Delay
    {
        get => TimeSpan.FromTicks(Interlocked.Read(ref _delayTicks));
        set => Interlocked.Exchange(ref _delayTicks, value.Ticks);
    }

    /// <summary>Gets whether replication is paused: writes queue up and reach no other region.</summary>
    public bool Paused => _paused;

    /// <summary>Gets how many replicated writes were applied, and how many lost to a newer write already there.</summary>
    public (int Applied, int Superseded) Counts => (Volatile.Read(ref _applied), Volatile.Read(ref _superseded));

    /// <summary>Gets how many writes wait to be delivered.</summary>
    public int Pending => _pending.Count;

    public IEnumerable<string> Regions => _replicas.Keys;

    /// <summary>A client of the region's replica itself, past the router: what the region holds even while it is cut off.</summary>
    public IAmazonDynamoDB Replica(string region) => _replicas[region];

    /// <summary>Makes <paramref name="table"/> a global table: its writes in any region replicate to the others.</summary>
    public void AddTable(string table) => _tables.TryAdd(table, true);

    public bool IsGlobal(string table) => _tables.ContainsKey(table);

    /// <summary>A partition between the regions: nothing replicates until <see cref="Resume"/>.</summary>
    public void Pause() => _paused = true;

    /// <summary>Ends the partition: the writes that queued up are delivered, oldest first.</summary>
    public void Resume() => _paused = false;

    /// <summary>The names of the key attributes of <paramref name="table"/> (hash, then range).</summary>
    public Task<IReadOnlyList<string>> KeyAttributesAsync(string region, string table) =>
        _keySchemas.GetOrAdd(table, async t =>
        {
            var response = await _replicas[region].DescribeTableAsync(new DescribeTableRequest { TableName = t });
            return response.Table.KeySchema.OrderBy(k => k.KeyType == KeyType.HASH ? 0 : 1).Select(k => k.AttributeName).ToList();
        });

    /// <summary>
    /// Called once a replica has accepted a write to an item of a global table: stamps the write and queues the item as
    /// it now is (or its absence, for a delete) for every other region.
    /// </summary>
    public async Task RecordAsync(string region, string table, Dictionary<string, AttributeValue> key, CancellationToken cancellationToken)
    {
        var keyText = LastWriterWins.KeyText(key);
        var response = await _replicas[region].GetItemAsync(new GetItemRequest { TableName = table, Key = key, ConsistentRead = true },
            cancellationToken);
        var item = response.Item is { Count: > 0 } ? response.Item : null;
        var now = _time.GetUtcNow();
        var stamp = _stamps.Stamp(region, table, keyText, now);
        _pending.Add(_replicas.Keys.Where(r => r != region)
            .Select(destination => new ReplicatedWrite(table, keyText, key, item, region, destination, stamp, now + Delay))
            .ToList());
    }

    /// <summary>
    /// Completes once the pump has made a whole pass that began after this call: every write due by then has been
    /// delivered, unless replication is paused. What a test awaits to see that a paused write stays undelivered, without
    /// waiting on time.
    /// </summary>
    public Task WholePassAsync(CancellationToken cancellationToken = default) => _passes.WholePassAsync(cancellationToken);

    /// <summary>Waits until nothing is left to deliver (while paused, until <paramref name="timeout"/> passes).</summary>
    public async Task<bool> DrainAsync(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        // Real time, not the world's clock: a drill's clock only moves when the drill jumps it.
        var started = Stopwatch.GetTimestamp();
        while (Pending > 0 || _applying.CurrentCount == 0)
        {
            if (Stopwatch.GetElapsedTime(started) > timeout)
            {
                return false;
            }

            await Task.Delay(PumpInterval, cancellationToken);
        }

        return true;
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        try
        {
            await _pump;
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }

        _stopping.Dispose();
        _applying.Dispose();
    }

    private async Task PumpAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            await Task.Delay(PumpInterval, _stopping.Token);
            if (!_paused)
            {
                await DeliverDueAsync();
            }

            _passes.Completed();
        }
    }

    private async Task DeliverDueAsync()
    {
        await _applying.WaitAsync(_stopping.Token);
        try
        {
            while (!_paused && Next() is { } write)
            {
                await ApplyAsync(write, _stopping.Token);
            }
        }
        catch (Exception e)
            when (e is Amazon.Runtime.AmazonServiceException or Amazon.Runtime.AmazonClientException or HttpRequestException)
        {
            // A dynalite that stopped under us while the world shuts down: nothing left to replicate to.
        }
        finally
        {
            _applying.Release();
        }
    }

    private ReplicatedWrite? Next() => _pending.TakeDue(_time.GetUtcNow());

    private async Task ApplyAsync(ReplicatedWrite write, CancellationToken cancellationToken)
    {
        if (!_stamps.Admit(write))
        {
            Interlocked.Increment(ref _superseded);
            return;
        }

        var client = _replicas[write.DestinationRegion];
        if (write.Item is null)
        {
            await client.DeleteItemAsync(new DeleteItemRequest { TableName = write.Table, Key = write.Key }, cancellationToken);
        }
        else
        {
            await client.PutItemAsync(new PutItemRequest { TableName = write.Table, Item = write.Item }, cancellationToken);
        }

        Interlocked.Increment(ref _applied);
    }
}
