using System.Globalization;
using FailoverOrchestrator.Aws;
using FailoverOrchestrator.Aws.DynamoDb;
using FailoverOrchestrator.Configuration;

namespace FailoverOrchestrator.Replication;

/// <summary>
/// Measures how far one global table's replica in the target region lags the source's, from the heartbeat item.
/// The target's replica is read with a consistent read. When the source's replica answers (within
/// <see cref="ReplicationOptions.SourceReadTimeoutSeconds"/>), an execution writes a fresh heartbeat there and waits
/// for it in the target's replica: its arrival proves every earlier heartbeat arrived, and both instants come from
/// this function's own clock. A plan only reads, and compares the two replicas' heartbeats. When the source does not
/// answer, the target's last heartbeat is all there is: writes made after it may be missing.
/// </summary>
internal sealed class ReplicationLagProbe(IHeartbeatStore heartbeats, TimeProvider time)
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    public async Task<TableLag> MeasureAsync(
        AppOptions app, string table, string source, string target, bool writeMarker, List<string> calls,
            CancellationToken cancellationToken)
    {
        var key = app.Replication.HeartbeatKey;
        calls.Add($"dynamodb:GetItem region={target} table={table} pk={key} ConsistentRead=true");
        Heartbeat? there;
        try
        {
            there = await heartbeats.ReadAsync(target, table, key, cancellationToken);
        }
        catch (AwsServiceException ex)
        {
            return new TableLag(table, null, false, $"{table}: the heartbeat in {target} could not be read ({ex.ErrorCode})");
        }

        calls.Add(
            $"dynamodb:{(writeMarker ? "UpdateItem" : "GetItem")} region={source} table={table} pk={key} (within "
            + $"{app.Replication.SourceReadTimeoutSeconds} s)");
        var (here, reachable) = await ReadOrWriteSourceAsync(app, table, source, writeMarker, cancellationToken);
        if (!reachable)
        {
            return Unreachable(table, source, target, there);
        }

        if (here is null)
        {
            return new TableLag(table, null, false, $"{table}: no heartbeat in {source} yet (is the heartbeat schedule running?)");
        }

        return writeMarker
            ? await WaitForMarkerAsync(app, table, source, target, here, there, calls, cancellationToken)
            : Compare(table, source, target, here, there);
    }

    // The source does not answer: the target's last heartbeat, if any, is all there is.
    private static TableLag Unreachable(string table, string source, string target, Heartbeat? there) =>
        there is null
            ? new TableLag(table, null, false, $"{table}: {source} does not answer and {target} holds no heartbeat")
            : new TableLag(table, there.WrittenAt, false,
                $"{table}: {source} does not answer; {target} holds heartbeat #{there.Sequence} written {At(there.WrittenAt)}");

    // A plan: compare the two replicas' latest heartbeats.
    private static TableLag Compare(string table, string source, string target, Heartbeat here, Heartbeat? there) =>
        there is not null && there.Sequence >= here.Sequence
            ? new TableLag(table, here.WrittenAt, true,
                $"{table}: {target} holds {source}'s latest heartbeat #{here.Sequence} written {At(here.WrittenAt)}")
            : new TableLag(table, there?.WrittenAt, false,
                $"{table}: {target} holds heartbeat #{there?.Sequence.ToString(CultureInfo.InvariantCulture) ?? "none"}, {source} is "
                + $"at #{here.Sequence} written {At(here.WrittenAt)}");

    // The marker just written: wait for it to reach the target's replica.
    private async Task<TableLag> WaitForMarkerAsync(
        AppOptions app,
        string table,
        string source,
        string target,
        Heartbeat here,
        Heartbeat? there,
        List<string> calls,
        CancellationToken cancellationToken)
    {
        var key = app.Replication.HeartbeatKey;
        var deadline = time.GetUtcNow() + TimeSpan.FromSeconds(app.Replication.CatchUpWaitSeconds);
        var polls = 0;
        while (true)
        {
            if (there is not null && there.Sequence >= here.Sequence)
            {
                calls.Add($"dynamodb:GetItem region={target} table={table} pk={key} x{polls} until heartbeat #{here.Sequence} arrived");
                return new TableLag(table, here.WrittenAt, true,
                    $"{table}: heartbeat #{here.Sequence} written in {source} {At(here.WrittenAt)} reached {target} after "
                    + $"{(time.GetUtcNow() - here.WrittenAt).TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s");
            }

            if (time.GetUtcNow() >= deadline)
            {
                calls.Add($"dynamodb:GetItem region={target} table={table} pk={key} x{polls} for {app.Replication.CatchUpWaitSeconds} s");
                return new TableLag(table, there?.WrittenAt, false,
                    $"{table}: heartbeat #{here.Sequence} written in {source} {At(here.WrittenAt)} had not reached {target} after "
                    + $"{app.Replication.CatchUpWaitSeconds} s; {target} holds "
                    + $"#{there?.Sequence.ToString(CultureInfo.InvariantCulture) ?? "none"}");
            }

            await Task.Delay(PollInterval, time, cancellationToken);
            polls++;
            there = await heartbeats.ReadAsync(target, table, key, cancellationToken);
        }
    }

    private async Task<(Heartbeat? Heartbeat, bool Reachable)> ReadOrWriteSourceAsync(AppOptions app, string table, string source,
        bool write, CancellationToken cancellationToken)
    {
        // A region in an outage may hang rather than refuse: the source gets a short budget of its own.
        using var budget = new CancellationTokenSource(TimeSpan.FromSeconds(app.Replication.SourceReadTimeoutSeconds), time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(budget.Token, cancellationToken);
        try
        {
            var key = app.Replication.HeartbeatKey;
            var heartbeat = write
                ? await heartbeats.WriteAsync(source, table, key, linked.Token)
                : await heartbeats.ReadAsync(source, table, key, linked.Token);
            return (heartbeat, true);
        }
        catch (Exception ex) when (ex is AwsServiceException or HttpRequestException
            || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return (null, false);
        }
    }

    private static string At(DateTimeOffset at) => at.UtcDateTime.ToString("HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
