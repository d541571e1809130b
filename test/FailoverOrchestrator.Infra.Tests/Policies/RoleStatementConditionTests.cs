using FailoverOrchestrator.Infra.Tests.Templates;
using static FailoverOrchestrator.Infra.Tests.Policies.FunctionRoleTemplate;

namespace FailoverOrchestrator.Infra.Tests.Policies;

/// <summary>
/// The function role's statements one by one: each table's own actions, and the conditions that narrow a grant to the
/// writer keys, the heartbeat item and the records the DNS step changes.
/// </summary>
public class RoleStatementConditionTests
{
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
}
