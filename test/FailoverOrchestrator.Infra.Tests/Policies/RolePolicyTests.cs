using System.Text.Json.Nodes;
using FailoverOrchestrator.Infra.Tests.Templates;

namespace FailoverOrchestrator.Infra.Tests.Policies;

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

    private static readonly CfnTemplate Main = CfnTemplate.Load(RepositoryFiles.Template);

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
    public void WatchSchedule_Input_IsTheWatchCommandWithSchedulersTime()
    {
        var target = Main.Properties("WatchSchedule")["Target"]!;

        // Scheduler hands the target's Input to Lambda as the event, with its context attributes filled in
        // (https://docs.aws.amazon.com/scheduler/latest/UserGuide/managing-schedule-context-attributes.html).
        Assert.Equal("""{"command":"watch","app":"${WatchedApp}","scheduledTime":"<aws.scheduler.scheduled-time>"}""",
            Intrinsic.Text(target["Input"]!["Fn::Sub"]));
        Assert.Equal("rate(1 minute)", Intrinsic.Text(Main.Properties("WatchSchedule")["ScheduleExpression"]));
        Assert.Equal("!GetAtt Function.Arn", Intrinsic.Describe(target["Arn"]));
    }

    [Fact]
    public void HeartbeatSchedule_Input_IsTheHeartbeatCommandEveryMinute()
    {
        var target = Main.Properties("HeartbeatSchedule")["Target"]!;

        // The heartbeat command takes no scheduledTime (the parser refuses it for anything but watch), and the
        // schedule's rate is the default Replication:HeartbeatIntervalSeconds (60) the bound counts on.
        Assert.Equal("""{"command":"heartbeat","app":"${HeartbeatApp}"}""", Intrinsic.Text(target["Input"]!["Fn::Sub"]));
        Assert.Equal("rate(1 minute)", Intrinsic.Text(Main.Properties("HeartbeatSchedule")["ScheduleExpression"]));
        Assert.Equal("!GetAtt ScheduleRole.Arn", Intrinsic.Describe(target["RoleArn"]));
        Assert.Equal("!GetAtt Function.Arn", Intrinsic.Describe(target["Arn"]));
        Assert.Equal(60, new FailoverOrchestrator.Configuration.ReplicationOptions().HeartbeatIntervalSeconds);
    }

    [Fact]
    public void Check_ForwardRole_GrantsOnlyPutEventsOnTheFunctionRegionBus()
    {
        var errors = PolicyScopeChecker.Check(CfnTemplate.Load(RepositoryFiles.DetectionTemplate), ForwardScope);

        Assert.Empty(errors);
    }

    [Fact]
    public void Statements_EachTable_OnlyItsOwnActions()
    {
        // The audit table is append-only: no UpdateItem on it, and no statement mixes the tables.
        Assert.Equal(["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem"], Actions("StateItems"));
        Assert.Equal(["!GetAtt StateTable.Arn"], Resources("StateItems"));
        Assert.Equal(["dynamodb:PutItem", "dynamodb:Query"], Actions("AuditItems"));
        Assert.Equal(["!GetAtt AuditTable.Arn"], Resources("AuditItems"));
        Assert.Equal(["dynamodb:GetItem", "dynamodb:PutItem"], Actions("WriterItem"));
    }

    [Fact]
    public void WriterItem_Condition_OnlyTheWriterKeys()
    {
        var condition = Statement("WriterItem")["Condition"]!["ForAllValues:StringEquals"]!;

        Assert.Equal("""{"dynamodb:LeadingKeys":{"Ref":"WriterKeys"}}""", condition.ToJsonString());
        Assert.Equal("writer", Intrinsic.Text(Main.Parameters["WriterKeys"]!["Default"]));
    }

    [Theory]
    [InlineData("HeartbeatInGlobalTables")]
    [InlineData("HeartbeatInWriterTables")]
    public void Heartbeat_Condition_OnlyTheHeartbeatItem(string sid)
    {
        var condition = Statement(sid)["Condition"]!["ForAllValues:StringEquals"]!;

        Assert.Equal(["dynamodb:GetItem", "dynamodb:UpdateItem"], Actions(sid));
        Assert.Equal("""{"dynamodb:LeadingKeys":[{"Ref":"HeartbeatKey"}]}""", condition.ToJsonString());
        Assert.Equal(new FailoverOrchestrator.Configuration.ReplicationOptions().HeartbeatKey,
            Intrinsic.Text(Main.Parameters["HeartbeatKey"]!["Default"]));
    }

    [Fact]
    public void ChangeRecord_Condition_LimitedToTheRecordsTypesAndActionsTheDnsStepSends()
    {
        var condition = Statement("MoveRecord")["Condition"]!["ForAllValues:StringEquals"]!;

        Assert.Equal("""{"Ref":"RecordNames"}""", condition["route53:ChangeResourceRecordSetsNormalizedRecordNames"]!.ToJsonString());
        Assert.Equal("""{"Ref":"RecordTypes"}""", condition["route53:ChangeResourceRecordSetsRecordTypes"]!.ToJsonString());

        // DnsUpsertStep sends CREATE when no record exists, else DELETE(current)+CREATE(target); never UPSERT.
        Assert.Equal("""["CREATE","DELETE"]""", condition["route53:ChangeResourceRecordSetsActions"]!.ToJsonString());
    }

    private static JsonObject Statement(string sid)
    {
        var statements = Main.Properties("FunctionRole")["Policies"]![0]!["PolicyDocument"]!["Statement"]!.AsArray();
        return Assert.Single(statements, s => Intrinsic.Text(s?["Sid"]) == sid)!.AsObject();
    }

    private static List<string> Actions(string sid) => List(Statement(sid)["Action"]);

    private static List<string> Resources(string sid) => List(Statement(sid)["Resource"]);

    private static List<string> List(JsonNode? node) =>
        node is JsonArray array ? array.Select(Intrinsic.Describe).ToList() : [Intrinsic.Describe(node)];

    [Fact]
    public void Check_WildcardActionAndResource_Reported()
    {
        var template = CfnTemplate.Parse(RoleWith("""
            - Effect: Allow
              Action: [sns:*, sqs:SendMessage]
              Resource: "*"
            """));

        var errors = PolicyScopeChecker.Check(template, new Dictionary<string, string[]> { ["sqs:SendMessage"] = ["!GetAtt Queue.Arn"] });

        Assert.Equal(3, errors.Count);
        Assert.Contains(errors, e => e.Contains("wildcard action sns:*", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("sqs:SendMessage on every resource (*)", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("sqs:SendMessage is not granted on !GetAtt Queue.Arn", StringComparison.Ordinal));
    }

    [Fact]
    public void Check_UnlistedActionOrNotResource_Reported()
    {
        var template = CfnTemplate.Parse(RoleWith("""
            - Effect: Allow
              Action: dynamodb:DeleteItem
              Resource: !GetAtt Table.Arn
            - Effect: Allow
              Action: sqs:SendMessage
              NotResource: !GetAtt Queue.Arn
            """));

        var errors = PolicyScopeChecker.Check(template, new Dictionary<string, string[]> { ["sqs:SendMessage"] = [] });

        Assert.Equal(2, errors.Count);
        Assert.Contains(errors, e => e.Contains("dynamodb:DeleteItem is not one the function needs", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("NotAction and NotResource", StringComparison.Ordinal));
    }

    private static string RoleWith(string statements) => $"""
        Resources:
          Role:
            Type: AWS::IAM::Role
            Properties:
              Policies:
                - PolicyName: p
                  PolicyDocument:
                    Statement:
        {Indent(statements, 12)}
        """;

    private static string Indent(string text, int spaces) =>
        string.Join('\n', text.Split('\n').Select(line => new string(' ', spaces) + line));
}
