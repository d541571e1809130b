using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using FailoverOrchestrator.Configuration;
using FailoverOrchestrator.Coordination;
using FailoverOrchestrator.Hosting;
using FailoverOrchestrator.Telemetry;
using Microsoft.Extensions.Logging;

namespace FailoverOrchestrator;

/// <summary>
/// The handler. In Lambda it is driven by <see cref="Runtime.LambdaRuntimeHost"/>, this assembly's entry point, which
/// serves the Runtime API (the managed runtime starts it as <c>dotnet exec /var/task/FailoverOrchestrator.dll</c>,
/// provided.al2023 as <c>bootstrap</c>); the CLI and the tests call it in-process. One instance per execution
/// environment: the constructor is the cold start, where configuration is bound and validated once.
/// </summary>
[SuppressMessage("Naming", "CA1716", Justification = "The handler string names this type; Lambda blueprints call it Function.")]
public sealed class Function : IDisposable
{
    // Stop the steps this long before the function timeout (the same margin the configuration's validation counts).
    private static readonly TimeSpan DeadlineMargin = InvocationBudget.DeadlineMargin;

    private readonly OrchestratorHost? _host;
    private readonly OrchestratorConfigurationException? _configurationError;
    private readonly ILoggerFactory _loggers;
    private readonly ILogger _logger;
    private readonly bool _ownsLoggers;
    private readonly TimeProvider _time = TimeProvider.System;
    private readonly AwsDependencies? _aws;

    /// <summary>Creates the function as Lambda does: configuration from <c>orchestrator.json</c> and <c>Orchestrator__...</c> variables,
    /// logs as JSON lines on stdout.</summary>
    public Function()
        : this(new FunctionSetup { FunctionRegion = Environment.GetEnvironmentVariable(FunctionRegionValidator.Variable) })
    {
    }

    internal Function(FunctionSetup setup)
    {
        var started = Stopwatch.GetTimestamp();
        _ownsLoggers = setup.Loggers is null;
        _loggers = setup.Loggers ?? JsonLogging.Create(setup.LogToStandardError, setup.Environment);
        _logger = _loggers.CreateLogger("FailoverOrchestrator");
        try
        {
            var options = OrchestratorConfiguration.Load(setup.ConfigFile, setup.ConfigOverrides, setup.FunctionRegion, setup.Environment);
            // Metered: every poll and backoff timer tells the invocation's meter, which splits the time for the metrics.
            _time = new MeteredTimeProvider(setup.Time ?? TimeProvider.System);
            _aws = setup.Aws is { } aws
                ? aws(options, _loggers, _time)
                : DefaultAwsDependencies.Create(options, _loggers, _time, setup.Environment);
            var metrics = new SwitchMetrics(setup.MetricsOutput
                ?? (setup.Loggers is not null ? TextWriter.Null : setup.LogToStandardError ? Console.Error : Console.Out), _time);
            _host = new OrchestratorHost(options, _aws, _time, _loggers, metrics);
            Log.ColdStart(_logger, options.Apps.Count, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        catch (OrchestratorConfigurationException ex)
        {
            // Not thrown here: every invocation fails with the message naming the settings, which is what an operator sees.
            _configurationError = ex;
            Log.ConfigurationInvalid(_logger, ex.Message);
        }
    }

    /// <summary>The configuration error found at cold start, or null when the configuration is valid.</summary>
    public OrchestratorConfigurationException? ConfigurationError => _configurationError;

    /// <summary>The function's logger: its scopes (such as an invocation's request id) reach every line of the invocation.</summary>
    internal ILogger Logger => _logger;

    /// <summary>
    /// Handles one invocation outside Lambda (the CLI, the drill's in-process scenarios): with no Runtime API deadline,
    /// the configured function timeout stands in for it.
    /// </summary>
    public Task<Stream> HandleAsync(Stream input)
    {
        var timeout = TimeSpan.FromSeconds(_host?.Options.FunctionTimeoutSeconds ?? 0);
        return HandleAsync(input, _time.GetUtcNow() + timeout, CancellationToken.None);
    }

    /// <summary>Handles one invocation that must end by <paramref name="deadline"/> (Lambda's Lambda-Runtime-Deadline-Ms): reads the event,
    /// returns the result as one JSON object.</summary>
    internal async Task<Stream> HandleAsync(Stream input, DateTimeOffset deadline, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (_host is null)
        {
            throw _configurationError!;
        }

        // The steps stop this much before the deadline, so the failure is recorded and the lease released in time; a
        // short remaining time keeps half of itself as the margin rather than none.
        var remaining = deadline - _time.GetUtcNow();
        var margin = remaining > DeadlineMargin * 2 ? DeadlineMargin : remaining / 2;
        var budget = remaining - margin > TimeSpan.Zero ? remaining - margin : TimeSpan.Zero;
        using var stop = new CancellationTokenSource(budget, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stop.Token, cancellationToken);
        _aws!.Deadline.ExpiresAt = _time.GetUtcNow() + budget;
        try
        {
            var payload = await OrchestratorHost.ReadPayloadAsync(input, linked.Token);
            var result = await _host.InvokeAsync(payload, linked.Token);
            return OrchestratorHost.Serialize(result);
        }
        catch (Exception ex)
        {
            Log.InvocationFailed(_logger, ex.Message, ex);
            throw;
        }
    }

    /// <summary>Closes the AWS clients' connections and flushes the logs.</summary>
    public void Dispose()
    {
        foreach (var resource in _aws?.Resources ?? [])
        {
            resource.Dispose();
        }

        if (_ownsLoggers)
        {
            _loggers.Dispose();
        }
    }
}
