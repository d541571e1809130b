using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using FailoverOrchestrator.Configuration;
using FailoverOrchestrator.Coordination;
using FailoverOrchestrator.Hosting;
using FailoverOrchestrator.Telemetry;
using Microsoft.Extensions.Logging;

namespace FailoverOrchestrator;

/// <summary>
/// The Lambda entry point: <c>FailoverOrchestrator::FailoverOrchestrator.Function::HandleAsync</c>. It takes and
/// returns <see cref="Stream"/>, so no Amazon.Lambda.* package is needed. Lambda creates one instance per container:
/// the constructor is the cold start, where configuration is bound and validated once.
/// </summary>
[SuppressMessage("Naming", "CA1716", Justification = "The handler string names this type; Lambda blueprints call it Function.")]
public sealed class Function : IDisposable
{
    // Stop the steps this long before the function timeout: the last seconds record the failure and release the lease
    // (SwitchExecutor.CleanupReserve) before Lambda stops the invocation, and leave a margin for the response.
    private static readonly TimeSpan DeadlineMargin = SwitchExecutor.CleanupReserve + TimeSpan.FromSeconds(3);

    private readonly OrchestratorHost? _host;
    private readonly OrchestratorConfigurationException? _configurationError;
    private readonly ILoggerFactory _loggers;
    private readonly ILogger _logger;
    private readonly bool _ownsLoggers;
    private readonly TimeProvider _time = TimeProvider.System;
    private readonly AwsDependencies? _aws;

    /// <summary>Creates the function as Lambda does: configuration from <c>orchestrator.json</c> and <c>Orchestrator__...</c> variables, logs as JSON lines on stdout.</summary>
    public Function()
        : this(new FunctionSetup())
    {
    }

    internal Function(FunctionSetup setup)
    {
        var started = Stopwatch.GetTimestamp();
        _ownsLoggers = setup.Loggers is null;
        _loggers = setup.Loggers ?? JsonLogging.Create(setup.LogToStandardError);
        _logger = _loggers.CreateLogger("FailoverOrchestrator");
        try
        {
            var options = OrchestratorConfiguration.Load(setup.ConfigFile, setup.ConfigOverrides);
            // Metered: every poll and backoff timer tells the invocation's meter, which splits the time for the metrics.
            _time = new MeteredTimeProvider(setup.Time ?? TimeProvider.System);
            _aws = (setup.Aws ?? DefaultAwsDependencies.Create)(options, _loggers, _time);
            var metrics = new SwitchMetrics(setup.MetricsOutput ?? (setup.Loggers is not null ? TextWriter.Null : setup.LogToStandardError ? Console.Error : Console.Out), _time);
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

    /// <summary>Handles one invocation: reads the event, returns the result as one JSON object.</summary>
    public async Task<Stream> HandleAsync(Stream input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (_host is null)
        {
            throw _configurationError!;
        }

        var budget = TimeSpan.FromSeconds(_host.Options.FunctionTimeoutSeconds) - DeadlineMargin;
        using var deadline = new CancellationTokenSource(budget, _time);
        _aws!.Deadline.ExpiresAt = _time.GetUtcNow() + budget;
        try
        {
            var payload = await OrchestratorHost.ReadPayloadAsync(input, deadline.Token);
            var result = await _host.InvokeAsync(payload, deadline.Token);
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
