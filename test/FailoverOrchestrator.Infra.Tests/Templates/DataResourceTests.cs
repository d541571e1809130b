namespace FailoverOrchestrator.Infra.Tests.Templates;

public class DataResourceTests
{
    private static readonly CfnTemplate Main = CfnTemplate.Load(RepositoryFiles.Template);

    [Fact]
    public void StateTable_Keys_AppStringHashKey()
    {
        var table = Main.Properties("StateTable");

        Assert.Equal("""[{"AttributeName":"app","KeyType":"HASH"}]""", table["KeySchema"]!.ToJsonString());
        Assert.Equal("""[{"AttributeName":"app","AttributeType":"S"}]""", table["AttributeDefinitions"]!.ToJsonString());
    }

    [Fact]
    public void AuditTable_KeysAndTtl_PkSkAndExpiresAt()
    {
        var table = Main.Properties("AuditTable");

        Assert.Equal(
            """[{"AttributeName":"pk","KeyType":"HASH"},{"AttributeName":"sk","KeyType":"RANGE"}]""",
            table["KeySchema"]!.ToJsonString());
        Assert.Equal(
            """[{"AttributeName":"pk","AttributeType":"S"},{"AttributeName":"sk","AttributeType":"S"}]""",
            table["AttributeDefinitions"]!.ToJsonString());
        Assert.Equal("""{"AttributeName":"expiresAt","Enabled":"true"}""", table["TimeToLiveSpecification"]!.ToJsonString());
    }

    [Theory]
    [InlineData("StateTable")]
    [InlineData("AuditTable")]
    public void Table_Billing_OnDemandWithPointInTimeRecoveryAndRetained(string logicalId)
    {
        var table = Main.Properties(logicalId);

        Assert.Equal("PAY_PER_REQUEST", Intrinsic.Text(table["BillingMode"]));
        Assert.Equal("true", Intrinsic.Text(table["PointInTimeRecoverySpecification"]!["PointInTimeRecoveryEnabled"]));
        Assert.Equal("Retain", Intrinsic.Text(Main.Resource(logicalId)["DeletionPolicy"]));
        Assert.Equal("Retain", Intrinsic.Text(Main.Resource(logicalId)["UpdateReplacePolicy"]));
    }

    [Fact]
    public void Topic_Encryption_KeyCloudWatchMayUse()
    {
        // AWS docs (CloudWatch, "Amazon SNS topic encryption"): an alarm cannot publish to a topic encrypted with the
        // AWS managed key alias/aws/sns, whose policy cannot be changed; a customer managed key must allow CloudWatch.
        var topic = Main.Properties(Main.SingleOfType("AWS::SNS::Topic"));
        var statements = Main.Properties("OnCallTopicKey")["KeyPolicy"]!["Statement"]!.AsArray();

        Assert.Equal("!Ref OnCallTopicKey", Intrinsic.Describe(topic["KmsMasterKeyId"]));
        Assert.Contains(statements, s => Intrinsic.Text(s?["Principal"]?["Service"]) == "cloudwatch.amazonaws.com");
    }

    [Fact]
    public void Outputs_Operators_FindEveryPartOfTheStack()
    {
        var expected = new[] { "FunctionArn", "StateTableName", "AuditTableName", "TopicArn", "OnFailureQueueUrl", "OnFailureQueueArn",
            "EventDeadLetterQueueUrl", "AlarmStateRuleArn" };
        var detection = CfnTemplate.Load(RepositoryFiles.DetectionTemplate);

        Assert.All(expected, name => Assert.True(Main.Outputs.ContainsKey(name), $"no output {name}"));
        Assert.All(["AlarmName", "PrimaryHealthCheckId", "StandbyHealthCheckId", "HealthCheckArns"], name =>
            Assert.True(detection.Outputs.ContainsKey(name), $"no detection output {name}"));
    }
}
