using System.Text.Json;
using FailoverOrchestrator.Aws;
using FailoverOrchestrator.Configuration;
using FailoverOrchestrator.Coordination;
using FailoverOrchestrator.Coordination.Failures;
using FailoverOrchestrator.Notifications;
using FailoverOrchestrator.Pipeline;
using FailoverOrchestrator.Redaction;
using FailoverOrchestrator.Replication;
using FailoverOrchestrator.Results;
using FailoverOrchestrator.Serialization;
using FailoverOrchestrator.Steps;
using FailoverOrchestrator.Telemetry;
using FailoverOrchestrator.Triggers;
using FailoverOrchestrator.Watch;
using FailoverOrchestrator.Watch.Dns;
using Microsoft.Extensions.Logging;

namespace FailoverOrchestrator.Hosting;

/// <summary>
/// The composition root, built once per container: options, steps, pipeline and coordinator. One invocation reads
/// the payload, parses and routes it, and answers with one <see cref="FailoverResult"/>. Bad input is a Rejected
/// result; a failed step after notifying throws, so Lambda's retry resumes from the checkpoint.
/// </summary>
internal sealed class OrchestratorHost
{
    private readonly OrchestratorOptions _options;
    private readonly CommandDispatcher _commands;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SwitchMetrics _metrics;

    public OrchestratorHost(OrchestratorOptions options, AwsDependencies aws, TimeProvider time, ILoggerFactory loggers,
        SwitchMetrics? metrics = null)
    {
        _options = options;
        _time = time;
        _metrics = metrics ?? SwitchMetrics.None;
        _logger = loggers.CreateLogger("FailoverOrchestrator");
        var notifier = new OnCallNotifier(aws.Sns, loggers.CreateLogger<OnCallNotifier>());
        var lag = aws.Heartbeats is null ? null : new ReplicationLagGate(new ReplicationLagProbe(aws.Heartbeats, time), time);
        var preflight =
            new PreflightStep(aws.Route53, aws.Ecs, aws.Tables, aws.Writer, new RoutingControlReadiness(aws.RoutingControls), lag);
        var steps = Steps(aws, preflight, notifier, time);
        var pipeline =
            new SwitchPipeline(steps.ToDictionary(s => s.Name, StringComparer.Ordinal), time, loggers.CreateLogger<SwitchPipeline>());
        var status = new StatusReporter(aws.State, aws.Audit);
        var switches = new SwitchExecutor(aws.State, aws.Audit, pipeline, notifier, time, loggers.CreateLogger<SwitchExecutor>());
        _commands = new CommandDispatcher(
            switches,
            new SwitchPlanner(aws.State, aws.Audit, pipeline, time, loggers.CreateLogger<SwitchPlanner>()),
            status,
            new ResetHandler(aws.State, aws.Audit, aws.Writer, status, notifier, time, loggers.CreateLogger<ResetHandler>()),
            new WatchRunner(
                aws.State,
                aws.Watches,
                aws.Audit,
                CreateWatchSignals(aws, options),
                switches,
                notifier,
                time,
                loggers.CreateLogger<WatchRunner>())
            {
                Standby = new StandbyReadiness(preflight, aws.Readiness, notifier, loggers.CreateLogger<StandbyReadiness>()),
            },
            aws.Heartbeats is null ? null : new HeartbeatWriter(aws.State, aws.Heartbeats));
    }

    /// <summary>The steps a switch's pipeline runs, each found by its name.</summary>
    private static IFailoverStep[] Steps(AwsDependencies aws, PreflightStep preflight, OnCallNotifier notifier, TimeProvider time) =>
        [
            preflight,
            new EcsScaleUpStep(aws.Ecs, time),
            new TargetHealthyStep(aws.Route53, time),
            new PromoteWriterStep(aws.Writer),
            new TrafficSwitchStep(new DnsUpsertStep(aws.Route53, time), new RoutingControlSwitchStep(aws.RoutingControls)),
            new EcsScaleDownStep(aws.Ecs, time),
            new SnsNotifyStep(notifier),
            new AuditLogStep(aws.Audit, time),
        ];

    public OrchestratorOptions Options => _options;

    /// <summary>The watch's probes and DNS lookups, sent from the function's region (the state table's).</summary>
    private static WatchSignals CreateWatchSignals(AwsDependencies aws, OrchestratorOptions options) =>
        new(aws.Probe, new DnsVerdictReader(aws.Dns, () => ResolvConf.Read()), options.Region!);

    /// <summary>Handles one payload; the token carries the invocation's deadline.</summary>
    public async Task<FailoverResult> InvokeAsync(ReadOnlyMemory<byte> payload, CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        var parsed = TriggerParser.Parse(payload);
        FailoverResult result;
        if (parsed.Trigger is not { } trigger)
        {
            result = FailoverResult.Rejected(parsed.Error!);
            Log.Rejected(_logger, parsed.Error!);
        }
        else
        {
            Log.TriggerReceived(_logger, trigger.Source.ToString(), trigger.Command.ToString(), trigger.App ?? trigger.AlarmName,
                trigger.IdempotencyKey);
            var (app, early) = TriggerRouter.Route(trigger, _options);
            try
            {
                result = early ?? await RunMeteredAsync(trigger, app!, started, cancellationToken);
            }
            catch (AwsServiceException ex)
            {
                throw new DependencyFailedException($"{ex.GetType().Name}: {SafeText.ForHumans(ex.Message)}");
            }
        }

        Log.Outcome(_logger, result.Outcome.ToString(), result.App, (long)_time.GetElapsedTime(started).TotalMilliseconds, result.Reason);
        return result;
    }

    private async Task<FailoverResult> RunMeteredAsync(FailoverTrigger trigger, AppOptions app, long started,
        CancellationToken cancellationToken)
    {
        // Only switches are measured (a watch that starts one included): a status, plan or reset that fails is an
        // invocation error, which Lambda counts.
        if (trigger.DryRun
            || trigger.Command is not (TriggerCommand.Failover or TriggerCommand.Failback or TriggerCommand.Resume or TriggerCommand.Watch))
        {
            return await _commands.RunAsync(trigger, app, cancellationToken);
        }

        using var meter = InvocationMeter.Start();
        try
        {
            var result = await _commands.RunAsync(trigger, app, cancellationToken);
            _metrics.Record(result, app, trigger.Command, meter, _time.GetElapsedTime(started));
            return result;
        }
        catch (Exception ex) when (trigger.Command != TriggerCommand.Watch || ex is ExecutionFailedException)
        {
            var failed = ex as ExecutionFailedException;
            _metrics.RecordFailure(app, trigger.Command, failed?.ExecutionId, failed?.TargetRegion, meter, _time.GetElapsedTime(started));
            throw;
        }
    }

    /// <summary>
    /// Reads the whole payload, so that an oversize one is refused with its real size. Lambda delivers at most 6 MB
    /// (its synchronous limit), so nothing larger is held; a stream that goes on past that is cut there.
    /// </summary>
    public static async Task<ReadOnlyMemory<byte>> ReadPayloadAsync(Stream input, CancellationToken cancellationToken)
    {
        var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await input.ReadAsync(chunk, cancellationToken)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > TriggerParser.MaxDeliveredBytes)
            {
                break;
            }
        }

        return buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
    }

    public static MemoryStream Serialize(FailoverResult result)
    {
        var output = new MemoryStream();
        JsonSerializer.Serialize(output, result, OrchestratorJsonContext.Default.FailoverResult);
        output.Position = 0;
        return output;
    }
}
