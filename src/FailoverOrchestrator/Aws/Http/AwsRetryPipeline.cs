using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace FailoverOrchestrator.Aws.Http;

/// <summary>
/// The one retry layer of our AWS calls (Polly.Core): retry outside, a timeout per attempt inside, so every
/// attempt is a fresh, freshly signed request. The caller's token and the invocation deadline bound the whole.
/// </summary>
internal sealed class AwsRetryPipeline
{
    private static readonly ResiliencePropertyKey<AwsCallScope> ScopeKey = new("aws.call");
    private static readonly ResiliencePropertyKey<TimeSpan> PlannedDelayKey = new("aws.plannedDelay");

    private readonly ResiliencePipeline _pipeline;
    private readonly ResiliencePipeline _untimedPipeline;
    private readonly FullJitterBackoff _backoff;
    private readonly TimeProvider _timeProvider;
    private readonly InvocationDeadline _deadline;

    public AwsRetryPipeline(AwsRetryOptions options, TimeProvider timeProvider, InvocationDeadline deadline, Func<double>? random = null)
    {
        options.Validate();
        _timeProvider = timeProvider;
        _deadline = deadline;
        _backoff = new FullJitterBackoff(options.BaseDelay, options.MaxDelay, random ?? Random.Shared.NextDouble);
        _pipeline = new ResiliencePipelineBuilder { TimeProvider = timeProvider }
            .AddRetry(RetryOptions(options))
            .AddTimeout(options.AttemptTimeout)
            .Build();
        _untimedPipeline = new ResiliencePipelineBuilder { TimeProvider = timeProvider }
            .AddRetry(RetryOptions(options))
            .Build();
    }

    private RetryStrategyOptions RetryOptions(AwsRetryOptions options) =>
        new()
            {
                MaxRetryAttempts = options.MaxAttempts - 1,
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome.Exception, args.AttemptNumber, args.Context)),
                DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(args.Context.Properties.GetValue(PlannedDelayKey, TimeSpan.Zero)),
                OnRetry = args =>
                {
                    var scope = ScopeOf(args.Context);
                    AwsLog.RetryScheduled(scope.Logger, scope.Request.Service.Name, scope.Request.Operation, args.AttemptNumber + 1,
                        (long)args.RetryDelay.TotalMilliseconds);
                    return default;
                },
            };

    /// <summary>Runs <paramref name="attempt"/> until it succeeds, fails for good, runs out of attempts or would pass the
    /// deadline.</summary>
    /// <exception cref="AwsServiceException">
    /// The last failure; <c>DeadlineExceeded</c> when the deadline cut an attempt short; <c>AttemptTimeout</c> or
    /// <c>NetworkError</c> when the last attempt got no answer.
    /// </exception>
    public async Task<T> ExecuteAsync<T>(Func<CancellationToken, ValueTask<T>> attempt, AwsRequest request, ILogger logger,
        CancellationToken cancellationToken)
    {
        var expiresAt = _deadline.ExpiresAt;
        using var deadlineSource = expiresAt is null ? null : new CancellationTokenSource(Remaining(expiresAt.Value), _timeProvider);
        using var linked =
            CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadlineSource?.Token ?? CancellationToken.None);
        var context = ResilienceContextPool.Shared.Get(linked.Token);
        context.Properties.Set(ScopeKey, new AwsCallScope(request, logger, expiresAt));
        try
        {
            var pipeline = request.RepeatAfterNoAnswer && !request.SingleAttempt ? _pipeline : _untimedPipeline;
            return await pipeline.ExecuteAsync(static (ctx, work) => work(ctx.CancellationToken), context, attempt);
        }
        catch (OperationCanceledException e) when (deadlineSource?.IsCancellationRequested == true
            && !cancellationToken.IsCancellationRequested)
        {
            throw NoAnswer(request, "DeadlineExceeded", $"The call did not complete before the invocation deadline {expiresAt:O}.", e);
        }
        catch (TimeoutRejectedException e)
        {
            // Callers handle one exception type: the last attempt's timeout or transport fault becomes an AWS error too.
            throw NoAnswer(request, "AttemptTimeout", $"The last attempt did not answer within {e.Timeout}.", e);
        }
        catch (HttpRequestException e)
        {
            throw NoAnswer(request, "NetworkError", $"The last attempt failed in transport: {e.Message}", e);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private static AwsServiceException NoAnswer(AwsRequest request, string code, string message, Exception inner) =>
        new(request.Service.Name, request.Operation, 0, code, message, null, innerException: inner);

    private bool ShouldRetry(Exception? failure, int attemptNumber, ResilienceContext context)
    {
        if (failure is null || !AwsRetryClassifier.IsRetryable(failure) || context.CancellationToken.IsCancellationRequested)
        {
            return false;
        }

        var scope = ScopeOf(context);
        if (scope.Request.SingleAttempt)
        {
            return false;
        }

        if (!scope.Request.RepeatAfterNoAnswer && !AnsweredOrNeverSent(failure))
        {
            // The attempt may have been delivered: sending it again could deliver it twice.
            return false;
        }

        var delay = _backoff.NextDelay(attemptNumber);
        if (scope.ExpiresAt is { } expiresAt && _timeProvider.GetUtcNow() + delay >= expiresAt)
        {
            // Waiting would only end in a cancelled attempt: better to hand back the real error now.
            AwsLog.RetryWouldPassDeadline(scope.Logger, scope.Request.Service.Name, scope.Request.Operation, attemptNumber + 1,
                (long)delay.TotalMilliseconds);
            return false;
        }

        context.Properties.Set(PlannedDelayKey, delay);
        return true;
    }

    /// <summary>An error answer (AWS refused it) or a connection that could not be made: either way the request was not carried
    /// out.</summary>
    private static bool AnsweredOrNeverSent(Exception failure) =>
        failure is AwsServiceException or HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError };

    private TimeSpan Remaining(DateTimeOffset expiresAt)
    {
        // A timer cannot run for more than about 49 days; a Lambda deadline is minutes away.
        var remaining = expiresAt - _timeProvider.GetUtcNow();
        return TimeSpan.FromTicks(Math.Clamp(remaining.Ticks, 0, TimeSpan.FromDays(1).Ticks));
    }

    private static AwsCallScope ScopeOf(ResilienceContext context) =>
        context.Properties.TryGetValue(ScopeKey, out var scope)
            ? scope
            : throw new InvalidOperationException("The AWS retry pipeline runs only through ExecuteAsync.");

    /// <summary>What the retry callbacks need to know about the call in progress.</summary>
    private sealed record AwsCallScope(AwsRequest Request, ILogger Logger, DateTimeOffset? ExpiresAt);
}
