using FailoverOrchestrator.Aws.Http;
using FailoverOrchestrator.Configuration;
using FailoverOrchestrator.Hosting;
using FailoverOrchestrator.Telemetry;

namespace FailoverOrchestrator.Runtime;

/// <summary>
/// The function's entry point in Lambda: builds the handler once (the cold start), then serves the Runtime API, one
/// invocation at a time, for as long as the execution environment lives. The managed runtime starts it as
/// <c>dotnet exec /var/task/FailoverOrchestrator.dll</c> (handler <c>FailoverOrchestrator</c>), provided.al2023 as the
/// self-contained <c>/var/task/bootstrap</c>.
/// </summary>
internal sealed class LambdaRuntimeHost
{
    /// <summary>Names the configuration file; without it, <c>orchestrator.json</c> in the task root (beside the assembly) is
    /// read.</summary>
    public const string ConfigFileVariable = "ORCHESTRATOR_CONFIG";

    private readonly RuntimeApiClient _api;
    private readonly Function _function;
    private readonly TimeProvider _time = TimeProvider.System;

    private LambdaRuntimeHost(RuntimeApiClient api, Function function)
    {
        _api = api;
        _function = function;
    }

    /// <summary>What a person who starts the program by hand reads.</summary>
    private const string NotInLambda =
        "AWS_LAMBDA_RUNTIME_API is not set: this program is the Lambda function, started by Lambda's runtime (or locally by "
        + "`FailoverOrchestrator.Cli invoke --via-runtime`). To run the handler on one payload use the CLI's `invoke`.";

    public static Task<int> Main() => RunAsync(SystemEnvironmentVariables.Instance, CancellationToken.None);

    /// <summary>Runs until the Runtime API fails (exit 1), or reports an initialisation error and exits (1).</summary>
    public static async Task<int> RunAsync(IEnvironmentVariables environment, CancellationToken cancellationToken)
    {
        var endpoint = environment.GetEnvironmentVariable("AWS_LAMBDA_RUNTIME_API");
        if (string.IsNullOrWhiteSpace(endpoint))
        {
            await Console.Error.WriteLineAsync(NotInLambda);
            return 2;
        }

        using var api = new RuntimeApiClient(endpoint);
        using var function = ColdStart(environment);
        try
        {
            if (function.ConfigurationError is { } error)
            {
                // An initialisation error, not an error of each invocation: Lambda serves it to the invocation that
                // started this environment (what `dotnet lambda invoke-function` prints), records an init failure, and
                // starts a fresh environment for the next event, so a corrected configuration takes effect at once and
                // no event is ever handled on a half-valid one.
                await api.ReportInitErrorAsync(RuntimeError.From(error), cancellationToken);
                return 1;
            }

            return await new LambdaRuntimeHost(api, function).ServeAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is RuntimeApiException or HttpRequestException)
        {
            Log.RuntimeApiFailed(function.Logger, ex.Message, ex);
            return 1;
        }
    }

    /// <summary>Builds the function once for the life of the environment, from its variables.</summary>
    private static Function ColdStart(IEnvironmentVariables environment)
    {
        // An empty variable means unset: the file in the task root.
        var configFile = environment.GetEnvironmentVariable(ConfigFileVariable) is { Length: > 0 } named ? named : null;
        var region = environment.GetEnvironmentVariable(FunctionRegionValidator.Variable);
        return new Function(new() { ConfigFile = configFile, FunctionRegion = region, Environment = environment });
    }

    /// <summary>Serves one invocation after another; only a failing Runtime API (or cancellation) ends it.</summary>
    private async Task<int> ServeAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var invocation = await _api.NextAsync(cancellationToken);
            await InvokeAsync(invocation, cancellationToken);
        }
    }

    private async Task InvokeAsync(RuntimeInvocation invocation, CancellationToken cancellationToken)
    {
        SetTraceId(invocation.TraceId);
        var logger = _function.Logger;
        using var scope = logger.BeginScope(new[] { KeyValuePair.Create("requestId", (object)invocation.RequestId) });
        Log.InvocationStarted(logger, invocation.FunctionArn, (long)(invocation.Deadline - _time.GetUtcNow()).TotalMilliseconds,
            invocation.TraceId);
        Stream result;
        try
        {
            result =
                await _function.HandleAsync(new MemoryStream(invocation.Payload, writable: false), invocation.Deadline, cancellationToken);
        }
        catch (Exception ex) when (ex is not RuntimeApiException)
        {
            // The one boundary where a handler's exception becomes Lambda's error document (the function logged it).
            var (status, body) = await _api.ReportErrorAsync(invocation.RequestId, RuntimeError.From(ex), cancellationToken);
            if (status != 202)
            {
                Log.RuntimeApiRefused(logger, "error report", status, body);
            }

            return;
        }

        await using (result)
        {
            // A refused response (413 over the 6 MB limit) fails the invocation on Lambda's side; the loop goes on.
            var (status, body) = await _api.RespondAsync(invocation.RequestId, result, cancellationToken);
            if (status != 202)
            {
                Log.RuntimeApiRefused(logger, "response", status, body);
            }
        }
    }

    /// <summary>
    /// Puts the X-Ray header of this invocation where the AWS SDKs look for it; cleared when an event carries none.
    /// The one process-environment write in src: Lambda's runtimes set this variable per invocation in the function's own
    /// process (Amazon.Lambda.RuntimeSupport does the same), so no seam can stand in for it.
    /// </summary>
    private static void SetTraceId(string? traceId)
    {
#pragma warning disable RS0030 // Environment.SetEnvironmentVariable: see above
        Environment.SetEnvironmentVariable("_X_AMZN_TRACE_ID", traceId);
#pragma warning restore RS0030
    }
}
