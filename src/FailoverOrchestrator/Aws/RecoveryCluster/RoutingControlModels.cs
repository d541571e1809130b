namespace FailoverOrchestrator.Aws.RecoveryCluster;

/// <summary>One entry of an UpdateRoutingControlStates call.</summary>
internal sealed record RoutingControlStateEntry(string RoutingControlArn, RoutingControlState State);

/// <summary>A cluster endpoint that did not answer, or answered with an error worth trying another endpoint for.</summary>
internal sealed record EndpointFailure(ClusterEndpoint Endpoint, string ErrorCode, string Message)
{
    public override string ToString() => $"{Endpoint.Region}: {ErrorCode}";
}

/// <summary>What a cluster call returned, which endpoint answered it and which were tried before it.</summary>
internal sealed record ClusterAnswer<T>(T Value, ClusterEndpoint AnsweredBy, IReadOnlyList<EndpointFailure> Failed);

/// <summary>The answer of GetRoutingControlState.</summary>
internal sealed record RoutingControlReading(string RoutingControlArn, RoutingControlState State, string? Name);
