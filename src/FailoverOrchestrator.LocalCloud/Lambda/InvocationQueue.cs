using System.Threading.Channels;

namespace FailoverOrchestrator.LocalCloud.Lambda;

/// <summary>
/// The events of one execution environment: queued for the function process, handed to it one at a time, and the one
/// it holds. Once the environment is dead every event fails the way it died. Thread-safe.
/// </summary>
internal sealed class InvocationQueue
{
    private readonly Channel<PendingInvocation> _queue = Channel.CreateBounded<PendingInvocation>(RuntimeApiServer.MaxQueued);
    private readonly object _gate = new();
    private PendingInvocation? _current;
    private InvocationResult? _dead;

    /// <summary>
    /// Queues the event and waits for its answer until <paramref name="timeout"/>; returns the refusal instead when the
    /// environment is dead or the queue full.
    /// </summary>
    public async Task<InvocationResult> InvokeAsync(PendingInvocation pending, TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (TryEnqueue(pending) is { } refused)
        {
            return refused;
        }

        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timer.CancelAfter(timeout);
        try
        {
            return await pending.Result.Task.WaitAsync(timer.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            pending.Result.TrySetResult(InvocationErrors.TimedOut(pending.RequestId, timeout));
            return await pending.Result.Task;
        }
    }

    /// <summary>Hands the next live event to the runtime; an event it still held unanswered fails.</summary>
    public async Task<PendingInvocation> TakeNextAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_current is { } held && !held.Result.Task.IsCompleted)
            {
                _current = null;
                held.Result.TrySetResult(InvocationErrors.NextWithoutAnswer(held));
            }
        }

        PendingInvocation next;
        do
        {
            next = await _queue.Reader.ReadAsync(cancellationToken);
        }
        while (next.Result.Task.IsCompleted);

        lock (_gate)
        {
            _current = next;
        }

        return next;
    }

    /// <summary>The unanswered event the runtime holds under <paramref name="requestId"/>, or null.</summary>
    public PendingInvocation? Held(string requestId)
    {
        lock (_gate)
        {
            return _current is { } current && current.RequestId == requestId && !current.Result.Task.IsCompleted ? current : null;
        }
    }

    /// <summary>The environment died: what it holds or would have taken fails with <paramref name="result"/>, now and later.</summary>
    public void Die(InvocationResult result)
    {
        lock (_gate)
        {
            _dead = result;
            FailAll(result);
        }
    }

    /// <summary>
    /// The environment's process ended: as <see cref="Die"/>, except that a death already reported (the runtime's init
    /// error) stays the reason, decided under the same lock so an init error and the exit cannot race.
    /// </summary>
    public void Exited(InvocationResult exitError)
    {
        lock (_gate)
        {
            _dead ??= exitError;
            FailAll(_dead);
        }
    }

    /// <summary>Fails what the environment holds or would have taken with <paramref name="result"/>.</summary>
    public void FailAll(InvocationResult result)
    {
        lock (_gate)
        {
            _current?.Fail(result);
            while (_queue.Reader.TryRead(out var queued))
            {
                queued.Fail(result);
            }
        }
    }

    private InvocationResult? TryEnqueue(PendingInvocation pending)
    {
        lock (_gate)
        {
            if (_dead is { } dead)
            {
                return dead with { RequestId = pending.RequestId };
            }

            return _queue.Writer.TryWrite(pending) ? null : InvocationErrors.QueueFull(pending.RequestId);
        }
    }
}
