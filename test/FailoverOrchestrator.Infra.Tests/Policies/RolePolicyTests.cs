using FailoverOrchestrator.Infra.Tests.Templates;

namespace FailoverOrchestrator.Infra.Tests.Policies;

public class RolePolicyTests
{
    private const string HostedZone = "!Sub arn:${AWS::Partition}:route53:::hostedzone/${HostedZoneId}";

    private static readonly string[] Items =
    [
        "!GetAtt StateTable.Arn",
        "!GetAtt AuditTable.Arn",
        "!Sub arn:${AWS::Partition}:dynamodb:${PrimaryRegion}:${AWS::AccountId}:table/${WriterTableName}",
        "!Sub arn:${AWS::Partition}:dynamodb:${StandbyRegion}:${AWS::AccountId}:table/${WriterTableName}",
    ];

    private static readonly string[] Services =
    [
        "!Sub arn:${AWS::Partition}:ecs:${PrimaryRegion}:${AWS::AccountId}:service/${PrimaryClusterName}/${PrimaryServiceName}",
        "!Sub arn:${AWS::Partition}:ecs:${StandbyRegion}:${AWS::AccountId}:service/${StandbyClusterName}/${StandbyServiceName}",
    ];

    /// <summary>
    /// What the function's role may do, and where. The one wildcard is change/*: Route 53 mints a change id
    /// per request, so no narrower ARN can be written; every other action is scoped to named resources.
    /// </summary>
    private static readonly Dictionary<string, string[]> FunctionScope = new(StringComparer.Ordinal)
    {
        ["logs:CreateLogStream"] = ["!GetAtt FunctionLogGroup.Arn"],
        ["logs:PutLogEvents"] = ["!GetAtt FunctionLogGroup.Arn"],
        ["route53:ListResourceRecordSets"] = [HostedZone],
        ["route53:ChangeResourceRecordSets"] = [HostedZone],
        ["route53:GetChange"] = ["!Sub arn:${AWS::Partition}:route53:::change/*"],
        ["route53:GetHealthCheckStatus"] =
        [
            "!Sub arn:${AWS::Partition}:route53:::healthcheck/${PrimaryHealthCheck}",
            "!Sub arn:${AWS::Partition}:route53:::healthcheck/${StandbyHealthCheck}",
        ],
        ["ecs:UpdateService"] = Services,
        ["ecs:DescribeServices"] = Services,
        ["sns:Publish"] = ["!Ref OnCallTopic"],
        ["dynamodb:GetItem"] = Items,
        ["dynamodb:PutItem"] = Items,
        ["dynamodb:UpdateItem"] = Items,
        ["dynamodb:Query"] = Items,
        ["dynamodb:DescribeTable"] =
        [
            "!Sub arn:${AWS::Partition}:dynamodb:${PrimaryRegion}:${AWS::AccountId}:table/${GlobalTableName}",
            "!Sub arn:${AWS::Partition}:dynamodb:${StandbyRegion}:${AWS::AccountId}:table/${GlobalTableName}",
        ],
        ["sqs:SendMessage"] = ["!GetAtt OnFailureQueue.Arn"],
    };

    private static readonly Dictionary<string, string[]> ForwardScope = new(StringComparer.Ordinal)
    {
        ["events:PutEvents"] = ["!Sub arn:${AWS::Partition}:events:${FunctionRegion}:${AWS::AccountId}:event-bus/default"],
    };

    [Fact]
    public void Check_FunctionRole_GrantsExactlyItsScope()
    {
        var errors = PolicyScopeChecker.Check(CfnTemplate.Load(RepositoryFiles.Template), FunctionScope);

        Assert.Empty(errors);
    }

    [Fact]
    public void Check_ForwardRole_GrantsOnlyPutEventsOnTheFunctionRegionBus()
    {
        var errors = PolicyScopeChecker.Check(CfnTemplate.Load(RepositoryFiles.DetectionTemplate), ForwardScope);

        Assert.Empty(errors);
    }

    [Fact]
    public void ChangeRecord_Condition_LimitedToTheRecordNameAndType()
    {
        var template = CfnTemplate.Load(RepositoryFiles.Template);
        var statements = template.Properties("FunctionRole")["Policies"]![0]!["PolicyDocument"]!["Statement"]!.AsArray();

        var change = Assert.Single(statements, s => Intrinsic.Text(s?["Action"]) == "route53:ChangeResourceRecordSets");

        var condition = change!["Condition"]!["ForAllValues:StringEquals"]!;
        var recordType = template.Properties("Function")["Environment"]!["Variables"]!["Orchestrator__Apps__shop__Dns__RecordType"];
        Assert.Equal("""[{"Ref":"RecordName"}]""", condition["route53:ChangeResourceRecordSetsNormalizedRecordNames"]!.ToJsonString());
        Assert.Equal($"[\"{Intrinsic.Text(recordType)}\"]", condition["route53:ChangeResourceRecordSetsRecordTypes"]!.ToJsonString());
    }

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
