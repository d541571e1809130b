using System.Text.Json;
using FailoverOrchestrator.Aws.Http;
using Microsoft.Extensions.Logging;

namespace FailoverOrchestrator.Aws.RecoveryCluster;

/// <summary>
/// The Route 53 ARC cluster API over JSON 1.0 (<c>X-Amz-Target: ToggleCustomerAPI.&lt;Op&gt;</c>). A cluster has five
/// regional endpoints and at least three are always available, so a call tries them in turn, each signed for its own
/// region, until one answers: starting with the one that answered last, one attempt per endpoint with a short timeout
/// of its own, at most two rounds. This rotation is the call's only retry layer. An answer another endpoint would give
/// the same way (a refused update, a validation error, access denied) ends the call at once.
/// </summary>
internal sealed class RoutingControlClient : IRoutingControlClient
{
    private const string TargetPrefix = "ToggleCustomerAPI.";
    private const string ContentType = "application/x-amz-json-1.0";
    private const int Rounds = 2;

    /// <summary>What a healthy cluster endpoint answers well within; a black-holed one must not eat the invocation.</summary>
    internal static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(3);

    private static readonly TimeSpan BetweenRounds = TimeSpan.FromMilliseconds(500);

    private readonly AwsHttpSender _sender;
    private readonly TimeProvider _time;
    private readonly ILogger<RoutingControlClient> _logger;
    private int _next;

    public RoutingControlClient(AwsHttpSender sender, TimeProvider time, ILogger<RoutingControlClient> logger)
    {
        _sender = sender;
        _time = time;
        _logger = logger;
    }

    public Task<ClusterAnswer<bool>> UpdateRoutingControlStatesAsync(IReadOnlyList<ClusterEndpoint> endpoints,
        IReadOnlyList<RoutingControlStateEntry> entries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entries);
        if (entries.Count == 0)
        {
            throw new ArgumentException("UpdateRoutingControlStates takes at least one entry.", nameof(entries));
        }

        var body = AwsJson.Write(writer =>
        {
            writer.WriteStartArray("UpdateRoutingControlStateEntries");
            foreach (var entry in entries)
            {
                ArgumentException.ThrowIfNullOrWhiteSpace(entry.RoutingControlArn);
                writer.WriteStartObject();
                writer.WriteString("RoutingControlArn", entry.RoutingControlArn);
                writer.WriteString("RoutingControlState", entry.State.ToString());
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        });
        return SendAsync(endpoints, "UpdateRoutingControlStates", body, static _ => true, cancellationToken);
    }

    public Task<ClusterAnswer<RoutingControlReading>> GetRoutingControlStateAsync(IReadOnlyList<ClusterEndpoint> endpoints,
        string routingControlArn, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(routingControlArn);
        var body = AwsJson.Write(writer => writer.WriteString("RoutingControlArn", routingControlArn));
        return SendAsync(endpoints, "GetRoutingControlState", body, ReadState, cancellationToken);
    }

    private async Task<ClusterAnswer<T>> SendAsync<T>(IReadOnlyList<ClusterEndpoint> endpoints, string operation, string body,
        Func<string, T> parse, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        if (endpoints.Count == 0)
        {
            throw new ArgumentException("A cluster call needs at least one cluster endpoint.", nameof(endpoints));
        }

        var failures = new List<EndpointFailure>();
        var start = Volatile.Read(ref _next) % endpoints.Count;
        for (var round = 0; round < Rounds; round++)
        {
            if (round > 0)
            {
                await Task.Delay(BetweenRounds, _time, cancellationToken);
            }

            for (var i = 0; i < endpoints.Count; i++)
            {
                var index = (start + i) % endpoints.Count;
                var endpoint = endpoints[index];
                using var attempt = new CancellationTokenSource(AttemptTimeout, _time);
                using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, attempt.Token);
                try
                {
                    var value = await _sender.SendAsync(Request(endpoint, operation, body), parse, _logger, linked.Token);
                    Volatile.Write(ref _next, index);
                    RecoveryClusterLog.EndpointAnswered(_logger, operation, endpoint.Region, failures.Count);
                    return new ClusterAnswer<T>(value, endpoint, failures);
                }
                catch (OperationCanceledException) when (attempt.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
                {
                    failures.Add(new EndpointFailure(endpoint, "AttemptTimeout", $"no answer within {AttemptTimeout.TotalSeconds:0.#} s"));
                }
                catch (AwsServiceException e) when (TryAnotherEndpoint(e))
                {
                    failures.Add(new EndpointFailure(endpoint, e.ErrorCode, e.AwsMessage));
                }

                RecoveryClusterLog.EndpointFailed(_logger, operation, endpoint.Region, failures[^1].ErrorCode, endpoints.Count);
            }
        }

        throw new AwsServiceException(
            AwsServiceEndpoint.RecoveryCluster.Name,
            operation,
            0,
            "NoClusterEndpointAnswered",
            $"none of the {endpoints.Count} cluster endpoints answered in {Rounds} rounds: {string.Join("; ", failures.Distinct())}",
            null);
    }

    /// <summary>
    /// A transport fault, a timeout, throttling or a server error (EndpointTemporarilyUnavailableException is a 503)
    /// concerns that endpoint; anything else (a refusal, a validation error) every endpoint would answer alike.
    /// </summary>
    private static bool TryAnotherEndpoint(AwsServiceException e) =>
        e.ErrorCode is "NetworkError" or "AttemptTimeout" or "EndpointTemporarilyUnavailableException" || AwsRetryClassifier.IsRetryable(e);

    private static AwsRequest Request(ClusterEndpoint endpoint, string operation, string body) =>
        new(AwsServiceEndpoint.RecoveryCluster, operation, endpoint.Region, HttpMethod.Post, "/")
        {
            Body = body,
            ContentType = ContentType,
            Target = TargetPrefix + operation,
            Endpoint = endpoint.Endpoint,
            SingleAttempt = true,
        };

    private static RoutingControlReading ReadState(string body)
    {
        using var document = JsonDocument.Parse(body);
        var root = AwsJson.RootObject(document);
        var state = AwsJson.RequiredString(root, "RoutingControlState") switch
        {
            "On" => RoutingControlState.On,
            "Off" => RoutingControlState.Off,
            var other => throw new FormatException($"RoutingControlState '{other}' is neither On nor Off."),
        };
        return new RoutingControlReading(AwsJson.RequiredString(root, "RoutingControlArn"), state,
            AwsJson.OptionalString(root, "RoutingControlName"));
    }
}
