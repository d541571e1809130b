using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FailoverOrchestrator.Infra.Tests.Templates;

/// <summary>
/// The function stack's role, tables, topic, key, queues and log group created by moto 5.2.1's CloudFormation (an AWS
/// implementation this project did not write): the stack completes, and the role IAM stores grants each table only
/// its own actions, with every intrinsic resolved.
/// </summary>
public class MotoStackTests
{
    private const string Account = "123456789012";

    private static readonly Lazy<JsonObject> Created = new(CreateStack);

    [Fact]
    public void CreateStack_RoleAndDataResources_Complete()
    {
        var created = Created.Value;

        Assert.Equal("CREATE_COMPLETE", created["status"]!.GetValue<string>());
        Assert.Equal(
            ["AuditTable", "EventDeadLetterQueue", "FunctionLogGroup", "FunctionRole", "OnCallTopic", "OnCallTopicKey", "OnFailureQueue",
                "StateTable"],
            created["created"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Equal("""[{"AttributeName":"app","KeyType":"HASH"}]""", created["stateTable"]!["keys"]!.ToJsonString());
        Assert.Equal("""[{"AttributeName":"pk","KeyType":"HASH"},{"AttributeName":"sk","KeyType":"RANGE"}]""",
            created["auditTable"]!["keys"]!.ToJsonString());
        Assert.False(string.IsNullOrEmpty(created["topicKey"]?.GetValue<string>()), "the topic has no KMS key");

        // moto leaves TTL DISABLED: it does not apply TimeToLiveSpecification. AWS's AWS::DynamoDB::Table reference
        // says the property enables TTL on the attribute, and the docs win: DataResourceTests checks it on the template.
    }

    [Fact]
    public void CreateStack_RolePolicy_EachTableOnlyItsOwnActions()
    {
        var statements = Created.Value["statements"]!.AsObject();
        var stateArn = Created.Value["stateTable"]!["arn"]!.GetValue<string>();
        var auditArn = Created.Value["auditTable"]!["arn"]!.GetValue<string>();

        Assert.Equal(stateArn, Text(statements["StateItems"]!["Resource"]));
        Assert.Equal(["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem"], List(statements["StateItems"]!["Action"]));
        Assert.Equal(auditArn, Text(statements["AuditItems"]!["Resource"]));
        Assert.Equal(["dynamodb:PutItem", "dynamodb:Query"], List(statements["AuditItems"]!["Action"]));
        Assert.Equal([$"arn:aws:dynamodb:us-west-2:{Account}:table/shop-control"], List(statements["WriterItem"]!["Resource"]));

        // A CommaDelimitedList's Ref is a list (CloudFormation's parameter docs); moto gives a one-item default as a
        // plain string. IAM reads both alike, so either form is accepted; the docs' list is what AWS will store.
        Assert.Equal(["writer"], List(statements["WriterItem"]!["Condition"]!["ForAllValues:StringEquals"]!["dynamodb:LeadingKeys"]));
        Assert.Equal(["CREATE", "DELETE"],
            List(statements["MoveRecord"]!["Condition"]!["ForAllValues:StringEquals"]!["route53:ChangeResourceRecordSetsActions"]));
        Assert.DoesNotContain(statements, s => List(s.Value!["Resource"]).Contains("*"));
    }

    private static List<string> List(JsonNode? node) =>
        node is JsonArray array ? array.Select(n => n!.GetValue<string>()).ToList() : [node!.GetValue<string>()];

    private static string Text(JsonNode? node) => Assert.Single(List(node));

    private static JsonObject CreateStack()
    {
        var parameters = new JsonObject
        {
            ["HostedZoneArns"] = "arn:aws:route53:::hostedzone/Z111111QQQQQQQ",
            ["RecordNames"] = "api.example.com",
            ["HealthCheckArns"] = "arn:aws:route53:::healthcheck/a1b2c3d4-0000-4000-8000-000000000001,"
                + "arn:aws:route53:::healthcheck/a1b2c3d4-0000-4000-8000-000000000002",
            ["EcsServiceArns"] = $"arn:aws:ecs:us-east-1:{Account}:service/shop/web,arn:aws:ecs:us-west-2:{Account}:service/shop/web",
            ["WriterTableArns"] = $"arn:aws:dynamodb:us-west-2:{Account}:table/shop-control",
            ["GlobalTableArns"] =
                $"arn:aws:dynamodb:us-east-1:{Account}:table/shop-orders,arn:aws:dynamodb:us-west-2:{Account}:table/shop-orders",
        };
        var start = new ProcessStartInfo("python3")
        {
            ArgumentList =
            {
                Path.Combine(RepositoryFiles.Root, "test", "FailoverOrchestrator.Infra.Tests", "moto", "create_stack.py"),
                RepositoryFiles.Template,
                parameters.ToJsonString(),
            },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"create_stack.py exited {process.ExitCode}: {stdout}\n{stderr.Result}");
        return JsonNode.Parse(stdout.Trim().Split('\n')[^1])!.AsObject();
    }
}
