using System.Text.Json.Nodes;

namespace FailoverOrchestrator.Infra.Tests.Templates;

public class DetectionChainTests
{
    private static readonly CfnTemplate Main = CfnTemplate.Load(RepositoryFiles.Template);
    private static readonly CfnTemplate Detection = CfnTemplate.Load(RepositoryFiles.DetectionTemplate);

    public static TheoryData<string> AlarmTemplates => new() { "template.yaml", "detection-us-east-1.yaml" };

    private static CfnTemplate Infra(string file) => file == "template.yaml" ? Main : Detection;

    [Theory]
    [MemberData(nameof(AlarmTemplates))]
    public void Alarm_HealthCheckStatus_FiresBelowOneHealthy(string file)
    {
        var template = Infra(file);

        var alarm = template.Properties(template.SingleOfType("AWS::CloudWatch::Alarm"));

        Assert.Equal("AWS/Route53", Intrinsic.Text(alarm["Namespace"]));
        Assert.Equal("HealthCheckStatus", Intrinsic.Text(alarm["MetricName"]));
        Assert.Equal("Minimum", Intrinsic.Text(alarm["Statistic"]));
        Assert.Equal("LessThanThreshold", Intrinsic.Text(alarm["ComparisonOperator"]));
        Assert.Equal("1", Intrinsic.Text(alarm["Threshold"]));
        Assert.Equal("60", Intrinsic.Text(alarm["Period"]));
        Assert.Equal("breaching", Intrinsic.Text(alarm["TreatMissingData"]));
        Assert.Equal("!Ref AlarmEvaluationPeriods", Intrinsic.Describe(alarm["EvaluationPeriods"]));
        Assert.Equal("!Ref AlarmDatapointsToAlarm", Intrinsic.Describe(alarm["DatapointsToAlarm"]));
        var dimension = Assert.Single(Assert.IsType<JsonArray>(alarm["Dimensions"]));
        Assert.Equal("HealthCheckId", Intrinsic.Text(dimension?["Name"]));
    }

    [Fact]
    public void Alarm_InUsEast1_InvokesTheFunctionOnItsHealthCheck()
    {
        var alarmId = Main.SingleOfType("AWS::CloudWatch::Alarm");

        var alarm = Main.Properties(alarmId);

        Assert.Equal("InUsEast1", Intrinsic.Text(Main.Resource(alarmId)["Condition"]));
        Assert.Equal("""{"Fn::Equals":[{"Ref":"AWS::Region"},"us-east-1"]}""", Main.Conditions["InUsEast1"]!.ToJsonString());
        Assert.Equal("!Ref PrimaryHealthCheck", Intrinsic.Describe(alarm["Dimensions"]![0]!["Value"]));
        Assert.Equal(["!GetAtt Function.Arn"], Assert.IsType<JsonArray>(alarm["AlarmActions"]).Select(Intrinsic.Describe));
        Assert.Equal("!Ref AlarmName", Intrinsic.Describe(alarm["AlarmName"]));
    }

    [Fact]
    public void Permission_AlarmAction_ScopedToTheAlarm()
    {
        var alarmId = Main.SingleOfType("AWS::CloudWatch::Alarm");
        var permission = PermissionFor("lambda.alarms.cloudwatch.amazonaws.com");

        Assert.Equal("lambda:InvokeFunction", Intrinsic.Text(permission["Action"]));
        Assert.Equal("!GetAtt Function.Arn", Intrinsic.Describe(permission["FunctionName"]));
        Assert.Equal($"!GetAtt {alarmId}.Arn", Intrinsic.Describe(permission["SourceArn"]));
        Assert.Equal("!Ref AWS::AccountId", Intrinsic.Describe(permission["SourceAccount"]));
    }

    [Fact]
    public void Rule_OutsideUsEast1_InvokesTheFunctionOnTheForwardedAlarm()
    {
        var ruleId = Main.SingleOfType("AWS::Events::Rule");
        var rule = Main.Properties(ruleId);
        var permission = PermissionFor("events.amazonaws.com");

        Assert.Equal("OutsideUsEast1", Intrinsic.Text(Main.Resource(ruleId)["Condition"]));
        Assert.Equal("!GetAtt Function.Arn", Intrinsic.Describe(Assert.Single(rule["Targets"]!.AsArray())?["Arn"]));
        Assert.Equal(
            "!Sub arn:${AWS::Partition}:cloudwatch:us-east-1:${AWS::AccountId}:alarm:${AlarmName}",
            Intrinsic.Describe(Assert.Single(rule["EventPattern"]!["resources"]!.AsArray())));
        Assert.Equal("""["CloudWatch Alarm State Change"]""", rule["EventPattern"]!["detail-type"]!.ToJsonString());
        Assert.Equal($"!GetAtt {ruleId}.Arn", Intrinsic.Describe(permission["SourceArn"]));
        Assert.Equal("OutsideUsEast1", Intrinsic.Text(Main.Resource(PermissionIdFor("events.amazonaws.com"))["Condition"]));
    }

    [Fact]
    public void Rule_DetectionStack_ForwardsToTheFunctionRegionBus()
    {
        var alarmId = Detection.SingleOfType("AWS::CloudWatch::Alarm");
        var rule = Detection.Properties(Detection.SingleOfType("AWS::Events::Rule"));
        var target = Assert.Single(rule["Targets"]!.AsArray());

        Assert.Equal($"!GetAtt {alarmId}.Arn", Intrinsic.Describe(Assert.Single(rule["EventPattern"]!["resources"]!.AsArray())));
        Assert.Equal("!Sub arn:${AWS::Partition}:events:${FunctionRegion}:${AWS::AccountId}:event-bus/default", Intrinsic.Describe(target?["Arn"]));
        Assert.Equal("!GetAtt ForwardRole.Arn", Intrinsic.Describe(target?["RoleArn"]));
        Assert.Null(Detection.Properties(alarmId)["AlarmActions"]);
    }

    [Fact]
    public void Rules_BothStacks_MatchTheSameEvents()
    {
        var main = Main.Properties(Main.SingleOfType("AWS::Events::Rule"))["EventPattern"]!.AsObject();
        var forwarded = Detection.Properties(Detection.SingleOfType("AWS::Events::Rule"))["EventPattern"]!.AsObject();

        foreach (var key in new[] { "source", "detail-type", "detail" })
        {
            Assert.Equal(forwarded[key]!.ToJsonString(), main[key]!.ToJsonString());
        }

        Assert.Equal(Intrinsic.Text(Detection.Parameters["AlarmName"]!["Default"]), Intrinsic.Text(Main.Parameters["AlarmName"]!["Default"]));
    }

    [Theory]
    [InlineData("PrimaryHealthCheck", "PrimaryHealthCheckFqdn")]
    [InlineData("StandbyHealthCheck", "StandbyHealthCheckFqdn")]
    public void HealthCheck_Config_HttpsOnTheEndpoint(string logicalId, string fqdnParameter)
    {
        var config = Main.Properties(logicalId)["HealthCheckConfig"]!.AsObject();

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
        var parameter = Main.Parameters["HealthCheckRequestInterval"]!;

        Assert.Equal("""["10","30"]""", parameter["AllowedValues"]!.ToJsonString());
    }

    private static JsonObject PermissionFor(string principal) => Main.Properties(PermissionIdFor(principal));

    private static string PermissionIdFor(string principal) =>
        Assert.Single(Main.ResourcesOfType("AWS::Lambda::Permission"), id => Intrinsic.Text(Main.Properties(id)["Principal"]) == principal);
}
