using FailoverOrchestrator.Aws.DynamoDb;
using FailoverOrchestrator.Aws.Ecs;
using FailoverOrchestrator.Aws.Route53;
using FailoverOrchestrator.Aws.Sns;
using FailoverOrchestrator.Coordination;

namespace FailoverOrchestrator.Hosting;

/// <summary>Everything that talks to AWS, behind the interfaces the steps and the coordinator use.</summary>
internal sealed record AwsDependencies(
    IRoute53Client Route53,
    IEcsClient Ecs,
    ISnsClient Sns,
    ITableStatusClient Tables,
    IWriterControl Writer,
    IStateStore State,
    IAuditLog Audit);
