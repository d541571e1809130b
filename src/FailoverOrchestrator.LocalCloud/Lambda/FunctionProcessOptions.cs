namespace FailoverOrchestrator.LocalCloud.Lambda;

/// <summary>How to start the function as Lambda would: the task root, the runtime, and the environment Lambda sets.</summary>
internal sealed record FunctionProcessOptions
{
    /// <summary>The directory Lambda unpacks the bundle into (<c>/var/task</c>): the published function.</summary>
    public required string TaskRoot { get; init; }

    public required LambdaRuntimeKind Runtime { get; init; }

    /// <summary>The handler string; with no <c>::</c>, the managed runtime runs <c>&lt;handler&gt;.dll</c>.</summary>
    public string Handler { get; init; } = "FailoverOrchestrator";

    public string FunctionName { get; init; } = "failover-orchestrator";

    public string Version { get; init; } = "$LATEST";

    public int MemorySizeMb { get; init; } = 512;

    /// <summary>Gets the region Lambda runs the function in (its AWS_REGION).</summary>
    /// <value>Defaults to us-west-2, the sample app's standby: the function refuses to start in an app's primary region.</value>
    public string Region { get; init; } = "us-west-2";

    public string AccountId { get; init; } = "111122223333";

    /// <summary>The function's own variables (configuration file, endpoints); they override none of Lambda's reserved ones.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// The clock of the execution environment: the invocations' deadlines and the log stream's date. The function
    /// process reads the machine's clock for its deadlines, so this stays the real clock unless a test stops both.
    /// </summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    public string FunctionArn => $"arn:aws:lambda:{Region}:{AccountId}:function:{FunctionName}";
}
