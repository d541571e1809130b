using System.Text.Json;
using FailoverOrchestrator.Aws.Http;
using Microsoft.Extensions.Logging;

namespace FailoverOrchestrator.Aws.Ecs;

/// <summary>ECS over JSON 1.1 (<c>X-Amz-Target: AmazonEC2ContainerServiceV20141113.&lt;Op&gt;</c>) at the regional endpoint.</summary>
internal sealed class EcsClient : IEcsClient
{
    private const string TargetPrefix = "AmazonEC2ContainerServiceV20141113.";
    private const string ContentType = "application/x-amz-json-1.1";

    private readonly AwsHttpSender _sender;
    private readonly ILogger<EcsClient> _logger;

    public EcsClient(AwsHttpSender sender, ILogger<EcsClient> logger)
    {
        _sender = sender;
        _logger = logger;
    }

    public Task<EcsService> UpdateServiceAsync(string region, string cluster, string service, int desiredCount,
        CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(cluster);
        ArgumentException.ThrowIfNullOrWhiteSpace(service);
        ArgumentOutOfRangeException.ThrowIfNegative(desiredCount);

        // Member order as the official SDKs write it.
        var body = AwsJson.Write(writer =>
        {
            writer.WriteString("service", service);
            writer.WriteString("cluster", cluster);
            writer.WriteNumber("desiredCount", desiredCount);
        });
        return _sender.SendAsync(Request(region, "UpdateService", body), EcsResponseReader.UpdateService, _logger, cancellationToken);
    }

    public Task<DescribeServicesResult> DescribeServicesAsync(string region, string cluster, IReadOnlyList<string> services,
        CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(cluster);
        ArgumentNullException.ThrowIfNull(services);
        if (services.Count is 0 or > 10)
        {
            throw new ArgumentException("DescribeServices takes 1 to 10 services.", nameof(services));
        }

        var body = AwsJson.Write(writer =>
        {
            writer.WriteStartArray("services");
            foreach (var service in services)
            {
                writer.WriteStringValue(service);
            }

            writer.WriteEndArray();
            writer.WriteString("cluster", cluster);
        });
        return _sender.SendAsync(Request(region, "DescribeServices", body), EcsResponseReader.DescribeServices, _logger, cancellationToken);
    }

    private static AwsRequest Request(string region, string operation, string body) =>
        new(AwsServiceEndpoint.Ecs, operation, region, HttpMethod.Post, "/")
        {
            Body = body,
            ContentType = ContentType,
            Target = TargetPrefix + operation,
        };
}
