using System.Text.Json.Nodes;
using FailoverOrchestrator.Infra.Tests.Templates;

namespace FailoverOrchestrator.Infra.Tests.Policies;

/// <summary>The repository's main template, read once for the policy tests, and the function role's statements by Sid.</summary>
internal static class FunctionRoleTemplate
{
    public static CfnTemplate Main { get; } = CfnTemplate.Load(RepositoryFiles.Template);

    public static JsonObject Statement(string sid)
    {
        var statements = Main.Properties("FunctionRole")["Policies"]![0]!["PolicyDocument"]!["Statement"]!.AsArray();
        return Assert.Single(statements, s => Intrinsic.Text(s?["Sid"]) == sid)!.AsObject();
    }

    public static List<string> Actions(string sid) => List(Statement(sid)["Action"]);

    public static List<string> Resources(string sid) => List(Statement(sid)["Resource"]);

    private static List<string> List(JsonNode? node) =>
        node is JsonArray array ? array.Select(Intrinsic.Describe).ToList() : [Intrinsic.Describe(node)];
}
