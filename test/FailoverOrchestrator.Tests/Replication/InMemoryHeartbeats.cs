using FailoverOrchestrator.Aws;
using FailoverOrchestrator.Aws.DynamoDb;

namespace FailoverOrchestrator.Tests.Replication;

/// <summary>
/// Two replicas of each table in memory: a write lands in its region and reaches the other after
/// <see cref="ArrivesAfterReads"/> reads of it there (never, when null); an unreachable region throws as the SDK does.
/// </summary>
internal sealed class InMemoryHeartbeats(TimeProvider time) : IHeartbeatStore
{
    private readonly Dictionary<(string Region, string Table), Heartbeat> _replicas = [];
    private readonly List<(string Region, string Table, Heartbeat Heartbeat, int ReadsLeft)> _inFlight = [];

    public HashSet<string> Unreachable { get; } = new(StringComparer.Ordinal);

    public int? ArrivesAfterReads { get; set; } = 1;

    public int Writes { get; private set; }

    public void Put(string region, string table, DateTimeOffset writtenAt, long sequence) =>
        _replicas[(region, table)] = new Heartbeat(region, writtenAt, sequence);

    public Task<Heartbeat> WriteAsync(string region, string tableName, string key, CancellationToken cancellationToken)
    {
        Fail(region);
        Writes++;
        var sequence = (_replicas.TryGetValue((region, tableName), out var last) ? last.Sequence : 0) + 1;
        var heartbeat = new Heartbeat(region, time.GetUtcNow(), sequence);
        _replicas[(region, tableName)] = heartbeat;
        if (ArrivesAfterReads is { } reads)
        {
            var other = region == "us-east-1" ? "us-west-2" : "us-east-1";
            _inFlight.Add((other, tableName, heartbeat, reads));
        }

        return Task.FromResult(heartbeat);
    }

    public Task<Heartbeat?> ReadAsync(string region, string tableName, string key, CancellationToken cancellationToken)
    {
        Fail(region);
        for (var i = _inFlight.Count - 1; i >= 0; i--)
        {
            var (r, t, heartbeat, left) = _inFlight[i];
            if (r == region && t == tableName)
            {
                if (left <= 0)
                {
                    _replicas[(r, t)] = heartbeat;
                    _inFlight.RemoveAt(i);
                }
                else
                {
                    _inFlight[i] = (r, t, heartbeat, left - 1);
                }
            }
        }

        return Task.FromResult(_replicas.TryGetValue((region, tableName), out var found) ? found : null);
    }

    private void Fail(string region)
    {
        if (Unreachable.Contains(region))
        {
            throw new AwsServiceException("DynamoDB", "GetItem", System.Net.HttpStatusCode.ServiceUnavailable, "ServiceUnavailable",
                $"{region} is unreachable", null);
        }
    }
}
