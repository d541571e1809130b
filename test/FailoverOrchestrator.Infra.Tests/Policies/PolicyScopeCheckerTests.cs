using FailoverOrchestrator.Infra.Tests.Templates;

namespace FailoverOrchestrator.Infra.Tests.Policies;

/// <summary>That <see cref="PolicyScopeChecker"/> reports what a role must not grant, on small templates written for it.</summary>
public class PolicyScopeCheckerTests
{
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
