using System.Text.Json.Nodes;

namespace FailoverOrchestrator.Infra.Tests.Templates;

public class DetectionChainTests
{
    private static readonly CfnTemplate Main = CfnTemplate.Load(RepositoryFiles.Template);
    private static readonly CfnTemplate Detection = CfnTemplate.Load(RepositoryFiles.DetectionTemplate);

    [Fact]
    public void Alarm_HealthCheckStatus_FiresBelowOneHealthyAndMissingDataIsNotAnOutage()
    {
        var alarm = Detection.Properties("PrimaryHealthAlarm");

        Assert.Equal("AWS/Route53", Intrinsic.Text(alarm["Namespace"]));
        Assert.Equal("HealthCheckStatus", Intrinsic.Text(alarm["MetricName"]));
        Assert.Equal("Minimum", Intrinsic.Text(alarm["Statistic"]));
        Assert.Equal("LessThanThreshold", Intrinsic.Text(alarm["ComparisonOperator"]));
        Assert.Equal("1", Intrinsic.Text(alarm["Threshold"]));
        Assert.Equal("60", Intrinsic.Text(alarm["Period"]));
        Assert.Equal("notBreaching", Intrinsic.Text(alarm["TreatMissingData"]));
        Assert.Equal("!Ref AlarmEvaluationPeriods", Intrinsic.Describe(alarm["EvaluationPeriods"]));
        Assert.Equal("!Ref AlarmDatapointsToAlarm", Intrinsic.Describe(alarm["DatapointsToAlarm"]));
        Assert.Equal("!Ref PrimaryHealthCheck", Intrinsic.Describe(Assert.Single(alarm["Dimensions"]!.AsArray())?["Value"]));
        Assert.Equal("!Sub ${AlarmNamePrefix}${AppName}-primary-unhealthy", Intrinsic.Describe(alarm["AlarmName"]));
        Assert.Null(alarm["AlarmActions"]);
    }

    [Fact]
    public void MissingDataAlarm_SameMetric_PagesOnlyAndNeverStartsAFailover()
    {
        var alarm = Detection.Properties("HealthMetricMissingAlarm");

        Assert.Equal("HealthCheckStatus", Intrinsic.Text(alarm["MetricName"]));
        Assert.Equal("!Ref PrimaryHealthCheck", Intrinsic.Describe(Assert.Single(alarm["Dimensions"]!.AsArray())?["Value"]));
        Assert.Equal("breaching", Intrinsic.Text(alarm["TreatMissingData"]));
        Assert.Equal(["!Ref DetectionTopic"], alarm["AlarmActions"]!.AsArray().Select(Intrinsic.Describe));

        // Its name must not carry the prefix the function's rule listens for.
        Assert.Equal("!Sub ${AppName}-health-metric-missing", Intrinsic.Describe(alarm["AlarmName"]));
    }

    [Fact]
    public void Rules_DetectionStack_OnlyInUsEast1()
    {
        var assertion = Assert.Single(Detection.Root["Rules"]!["OnlyInUsEast1"]!["Assertions"]!.AsArray())!;

        Assert.Equal("""{"Fn::Equals":[{"Ref":"AWS::Region"},"us-east-1"]}""", assertion["Assert"]!.ToJsonString());
    }

    [Fact]
    public void Rules_DatapointsToAlarm_NeverAboveEvaluationPeriods()
    {
        // CloudFormation's rule functions cannot compare numbers, so each allowed period count lists the datapoints it
        // allows; together with AllowedValues 1..5 that covers every pair (5 allows all of 1..5).
        var assertions = Detection.Root["Rules"]!["DatapointsWithinPeriods"]!["Assertions"]!.AsArray();
        var allowed = Detection.Parameters["AlarmEvaluationPeriods"]!["AllowedValues"]!.AsArray().Select(Intrinsic.Text).ToList();

        Assert.Equal(["1", "2", "3", "4", "5"], allowed);
        Assert.Equal(allowed, Detection.Parameters["AlarmDatapointsToAlarm"]!["AllowedValues"]!.AsArray().Select(Intrinsic.Text));
        for (var periods = 1; periods <= 4; periods++)
        {
            var expected = $$"""{"Fn::Or":[{"Fn::Not":[{"Fn::Equals":[{"Ref":"AlarmEvaluationPeriods"},"{{periods}}"]}]},{"Fn::Contains":[[{{string.Join(",", Enumerable.Range(1, periods).Select(d => $"\"{d}\""))}}],{"Ref":"AlarmDatapointsToAlarm"}]}]}""";
            Assert.Equal(expected, assertions[periods - 1]!["Assert"]!.ToJsonString());
        }
    }

    [Fact]
    public void Rule_FunctionStack_InvokesTheFunctionOnPrefixedAlarmsWithADeadLetterQueue()
    {
        var rule = Main.Properties("AlarmStateRule");
        var target = Assert.Single(rule["Targets"]!.AsArray())!;

        Assert.Equal("!GetAtt Function.Arn", Intrinsic.Describe(target["Arn"]));
        Assert.Equal("!GetAtt EventDeadLetterQueue.Arn", Intrinsic.Describe(target["DeadLetterConfig"]!["Arn"]));
        Assert.Equal(
            "!Sub arn:${AWS::Partition}:cloudwatch:us-east-1:${AWS::AccountId}:alarm:${AlarmNamePrefix}",
            Intrinsic.Describe(Assert.Single(rule["EventPattern"]!["resources"]!.AsArray())!["prefix"]));
        Assert.Equal("""["CloudWatch Alarm State Change"]""", rule["EventPattern"]!["detail-type"]!.ToJsonString());
        Assert.Equal("""{"state":{"value":["ALARM"]}}""", rule["EventPattern"]!["detail"]!.ToJsonString());
    }

    [Fact]
    public void Permission_BeforeTheRule_ScopedToTheRulesArn()
    {
        var permission = Main.Properties("AlarmStateRuleInvokePermission");
        var ruleName = Intrinsic.Describe(Main.Properties("AlarmStateRule")["Name"])["!Sub ".Length..];

        Assert.Equal("AlarmStateRuleInvokePermission", Intrinsic.Text(Main.Resource("AlarmStateRule")["DependsOn"]));
        Assert.Equal("events.amazonaws.com", Intrinsic.Text(permission["Principal"]));
        Assert.Equal("!GetAtt Function.Arn", Intrinsic.Describe(permission["FunctionName"]));
        Assert.Equal($"!Sub arn:${{AWS::Partition}}:events:${{AWS::Region}}:${{AWS::AccountId}}:rule/{ruleName}",
            Intrinsic.Describe(permission["SourceArn"]));
        Assert.Equal("!Ref AWS::AccountId", Intrinsic.Describe(permission["SourceAccount"]));
    }

    [Fact]
    public void Rule_DetectionStack_ForwardsOnlyOutsideUsEast1WithADeadLetterQueue()
    {
        var rule = Detection.Properties("ForwardAlarmStateRule");
        var target = Assert.Single(rule["Targets"]!.AsArray())!;

        Assert.Equal("ForwardToFunctionRegion", Intrinsic.Text(Detection.Resource("ForwardAlarmStateRule")["Condition"]));
        Assert.Equal("""{"Fn::Not":[{"Fn::Equals":[{"Ref":"FunctionRegion"},"us-east-1"]}]}""",
            Detection.Conditions["ForwardToFunctionRegion"]!.ToJsonString());
        Assert.Equal("!GetAtt PrimaryHealthAlarm.Arn", Intrinsic.Describe(Assert.Single(rule["EventPattern"]!["resources"]!.AsArray())));
        Assert.Equal("!Sub arn:${AWS::Partition}:events:${FunctionRegion}:${AWS::AccountId}:event-bus/default",
            Intrinsic.Describe(target["Arn"]));
        Assert.Equal("!GetAtt ForwardRole.Arn", Intrinsic.Describe(target["RoleArn"]));
        Assert.Equal("!GetAtt ForwardDeadLetterQueue.Arn", Intrinsic.Describe(target["DeadLetterConfig"]!["Arn"]));
    }

    [Fact]
    public void Rules_BothStacks_MatchTheSameEvents()
    {
        var main = Main.Properties("AlarmStateRule")["EventPattern"]!.AsObject();
        var forwarded = Detection.Properties("ForwardAlarmStateRule")["EventPattern"]!.AsObject();

        foreach (var key in new[] { "source", "detail-type", "detail" })
        {
            Assert.Equal(forwarded[key]!.ToJsonString(), main[key]!.ToJsonString());
        }

        Assert.Equal(Intrinsic.Text(Detection.Parameters["AlarmNamePrefix"]!["Default"]),
            Intrinsic.Text(Main.Parameters["AlarmNamePrefix"]!["Default"]));
    }

    [Theory]
    [InlineData("OnFailureQueueAlarm", "OnFailureQueue")]
    [InlineData("EventDeadLetterQueueAlarm", "EventDeadLetterQueue")]
    public void QueueAlarms_AnyMessage_PagesTheOnCallTopic(string alarmId, string queueId)
    {
        var alarm = Main.Properties(alarmId);

        Assert.Equal("ApproximateNumberOfMessagesVisible", Intrinsic.Text(alarm["MetricName"]));
        Assert.Equal($"!GetAtt {queueId}.QueueName", Intrinsic.Describe(Assert.Single(alarm["Dimensions"]!.AsArray())?["Value"]));
        Assert.Equal("GreaterThanOrEqualToThreshold", Intrinsic.Text(alarm["ComparisonOperator"]));
        Assert.Equal("1", Intrinsic.Text(alarm["Threshold"]));
        Assert.Equal(["!Ref OnCallTopic"], alarm["AlarmActions"]!.AsArray().Select(Intrinsic.Describe));
    }

    [Fact]
    public void FunctionErrorsAlarm_AnyError_PagesTheOnCallTopic()
    {
        var alarm = Main.Properties("FunctionErrorsAlarm");

        Assert.Equal("AWS/Lambda", Intrinsic.Text(alarm["Namespace"]));
        Assert.Equal("Errors", Intrinsic.Text(alarm["MetricName"]));
        Assert.Equal("!Ref Function", Intrinsic.Describe(Assert.Single(alarm["Dimensions"]!.AsArray())?["Value"]));
        Assert.Equal(["!Ref OnCallTopic"], alarm["AlarmActions"]!.AsArray().Select(Intrinsic.Describe));
    }

    [Theory]
    [InlineData("PrimaryHealthCheck", "PrimaryHealthCheckFqdn")]
    [InlineData("StandbyHealthCheck", "StandbyHealthCheckFqdn")]
    public void HealthCheck_Config_HttpsOnTheEndpoint(string logicalId, string fqdnParameter)
    {
        var config = Detection.Properties(logicalId)["HealthCheckConfig"]!.AsObject();

        Assert.Equal("HTTPS", Intrinsic.Text(config["Type"]));
        Assert.Equal("443", Intrinsic.Text(config["Port"]));
        Assert.Equal("!Ref " + fqdnParameter, Intrinsic.Describe(config["FullyQualifiedDomainName"]));
        Assert.Equal("!Ref HealthCheckPath", Intrinsic.Describe(config["ResourcePath"]));
        Assert.Equal("!Ref HealthCheckRequestInterval", Intrinsic.Describe(config["RequestInterval"]));
        Assert.Equal("!Ref HealthCheckFailureThreshold", Intrinsic.Describe(config["FailureThreshold"]));
        Assert.False(config.ContainsKey("HealthThreshold"), "HealthThreshold is only for CALCULATED checks");
        Assert.Equal(
            """{"Fn::If":["HasCheckerRegions",{"Ref":"HealthCheckRegions"},{"Ref":"AWS::NoValue"}]}""",
            config["Regions"]!.ToJsonString());
    }

    [Fact]
    public void HealthCheck_RequestInterval_IsTenOrThirty()
    {
        var parameter = Detection.Parameters["HealthCheckRequestInterval"]!;

        Assert.Equal("""["10","30"]""", parameter["AllowedValues"]!.ToJsonString());
    }
}
