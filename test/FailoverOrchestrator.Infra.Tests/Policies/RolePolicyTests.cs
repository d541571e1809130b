using FailoverOrchestrator.Infra.Tests.Templates;
using static FailoverOrchestrator.Infra.Tests.Policies.FunctionRoleTemplate;

namespace FailoverOrchestrator.Infra.Tests.Policies;

/// <summary>What each role of the templates may do, and on which resources, checked by <see cref="PolicyScopeChecker"/>.</summary>
public class RolePolicyTests
{
    private const string Writers = "!Ref WriterTableArns";

    /// <summary>
    /// What the function's role may do, and where. The one wildcard is change/*: Route 53 mints a change id
    /// per request, so no narrower ARN can be written; every other action is scoped to named resources, the
    /// per-app ones through list parameters that grow by one entry per app.
    /// </summary>
    private static readonly Dictionary<string, string[]> FunctionScope = new(StringComparer.Ordinal)
    {
        ["logs:CreateLogStream"] = ["!GetAtt FunctionLogGroup.Arn"],
        ["logs:PutLogEvents"] = ["!GetAtt FunctionLogGroup.Arn"],
        ["route53:ListResourceRecordSets"] = ["!Ref HostedZoneArns"],
        ["route53:ChangeResourceRecordSets"] = ["!Ref HostedZoneArns"],
        ["route53:GetChange"] = ["!Sub arn:${AWS::Partition}:route53:::change/*"],
        ["route53:GetHealthCheckStatus"] = ["!Ref HealthCheckArns"],
        ["ecs:UpdateService"] = ["!Ref EcsServiceArns"],
        ["ecs:DescribeServices"] = ["!Ref EcsServiceArns"],
        ["sns:Publish"] = ["!Ref OnCallTopic"],
        ["kms:Decrypt"] = ["!GetAtt OnCallTopicKey.Arn"],
        ["kms:GenerateDataKey"] = ["!GetAtt OnCallTopicKey.Arn"],
        ["dynamodb:GetItem"] = ["!GetAtt StateTable.Arn", Writers, "!Ref GlobalTableArns"],
        ["dynamodb:PutItem"] = ["!GetAtt StateTable.Arn", "!GetAtt AuditTable.Arn", Writers],
        ["dynamodb:UpdateItem"] = ["!GetAtt StateTable.Arn", Writers, "!Ref GlobalTableArns"],
        ["dynamodb:Query"] = ["!GetAtt AuditTable.Arn"],
        ["dynamodb:DescribeTable"] = ["!Ref GlobalTableArns"],
        ["sqs:SendMessage"] = ["!GetAtt OnFailureQueue.Arn"],

        // Only with RoutingControlArns given (condition HasRoutingControls): the cluster's data plane, on the apps' own controls.
        ["route53-recovery-cluster:GetRoutingControlState"] = ["!Ref RoutingControlArns"],
        ["route53-recovery-cluster:UpdateRoutingControlStates"] = ["!Ref RoutingControlArns"],
    };

    private static readonly Dictionary<string, string[]> ForwardScope = new(StringComparer.Ordinal)
    {
        ["events:PutEvents"] = ["!Sub arn:${AWS::Partition}:events:${FunctionRegion}:${AWS::AccountId}:event-bus/default"],
    };

    [Fact]
    public void Check_FunctionRole_GrantsExactlyItsScope()
    {
        var errors = PolicyScopeChecker.Check(Main, FunctionScope, role => role != "ScheduleRole");

        Assert.Empty(errors);
    }

    [Fact]
    public void Check_ScheduleRole_OnlyInvokesTheFunctionAndOnlySchedulerAssumesIt()
    {
        var errors = PolicyScopeChecker.Check(Main,
            new Dictionary<string, string[]> { ["lambda:InvokeFunction"] = ["!GetAtt Function.Arn"] }, role => role == "ScheduleRole");
        var trust = Assert.Single(Main.Properties("ScheduleRole")["AssumeRolePolicyDocument"]!["Statement"]!.AsArray())!;

        Assert.Empty(errors);
        Assert.Equal("scheduler.amazonaws.com", Intrinsic.Text(trust["Principal"]!["Service"]));
        Assert.Equal("""{"aws:SourceAccount":{"Ref":"AWS::AccountId"}}""", trust["Condition"]!["StringEquals"]!.ToJsonString());
    }

    [Fact]
    public void Check_ForwardRole_GrantsOnlyPutEventsOnTheFunctionRegionBus()
    {
        var errors = PolicyScopeChecker.Check(CfnTemplate.Load(RepositoryFiles.DetectionTemplate), ForwardScope);

        Assert.Empty(errors);
    }
}
