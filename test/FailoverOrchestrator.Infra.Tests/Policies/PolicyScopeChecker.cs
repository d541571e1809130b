using System.Text.Json.Nodes;
using FailoverOrchestrator.Infra.Tests.Templates;

namespace FailoverOrchestrator.Infra.Tests.Policies;

/// <summary>
/// Checks the inline policies of a template's IAM roles against a table of the actions they may grant
/// and, per action, the resources they may grant it on (written as <see cref="Intrinsic.Describe"/>
/// writes them). Anything else is reported: a wildcard action, an action or resource not in the table,
/// <c>NotAction</c>/<c>NotResource</c>, and an expected grant that is missing.
/// </summary>
internal static class PolicyScopeChecker
{
    /// <param name="role">Which roles (by logical id) are checked; all of them when null.</param>
    public static IReadOnlyList<string> Check(CfnTemplate template, IReadOnlyDictionary<string, string[]> allowed,
        Func<string, bool>? role = null)
    {
        role ??= _ => true;
        var errors = new List<string>();
        var granted = new HashSet<(string Action, string Resource)>();
        foreach (var (where, statement) in InlineStatements(template, role).Concat(AttachedStatements(template, role)))
        {
            CheckStatement(where, statement as JsonObject ?? [], allowed, granted, errors);
        }

        foreach (var (action, resources) in allowed)
        {
            errors.AddRange(resources.Where(r => !granted.Contains((action, r))).Select(r => $"{action} is not granted on {r}."));
        }

        return errors;
    }

    /// <summary>The statements of the checked roles' inline policies, each with where it is ("role/policy").</summary>
    private static IEnumerable<(string Where, JsonNode? Statement)> InlineStatements(CfnTemplate template, Func<string, bool> role)
    {
        foreach (var roleId in template.ResourcesOfType("AWS::IAM::Role").Where(role))
        {
            var policies = template.Properties(roleId)["Policies"] as JsonArray ?? [];
            foreach (var policy in policies)
            {
                var where = $"{roleId}/{Intrinsic.Text(policy?["PolicyName"])}";
                foreach (var statement in AsList(policy?["PolicyDocument"]?["Statement"]))
                {
                    yield return (where, statement);
                }
            }
        }
    }

    /// <summary>
    /// The statements of policies attached to a checked role on their own: a conditional grant, present only when its
    /// condition holds, counts alike.
    /// </summary>
    private static IEnumerable<(string Where, JsonNode? Statement)> AttachedStatements(CfnTemplate template, Func<string, bool> role)
    {
        foreach (var policyId in template.ResourcesOfType("AWS::IAM::RolePolicy"))
        {
            var policy = template.Properties(policyId);
            if (!role(Intrinsic.Describe(policy["RoleName"]).Replace("!Ref ", string.Empty, StringComparison.Ordinal)))
            {
                continue;
            }

            foreach (var statement in AsList(policy["PolicyDocument"]?["Statement"]))
            {
                yield return ($"{policyId}/{Intrinsic.Text(policy["PolicyName"])}", statement);
            }
        }
    }

    private static void CheckStatement(
        string where,
        JsonObject statement,
        IReadOnlyDictionary<string, string[]> allowed,
        HashSet<(string, string)> granted,
        List<string> errors)
    {
        var sid = $"{where}/{Intrinsic.Text(statement["Sid"]) ?? "(no Sid)"}";
        if (statement.ContainsKey("NotAction") || statement.ContainsKey("NotResource"))
        {
            errors.Add($"{sid}: NotAction and NotResource grant everything else.");
        }

        if (Intrinsic.Text(statement["Effect"]) != "Allow")
        {
            return;
        }

        var resources = AsList(statement["Resource"]).Select(Intrinsic.Describe).ToList();
        foreach (var action in AsList(statement["Action"]).Select(Intrinsic.Describe))
        {
            CheckAction(sid, action, resources, allowed, granted, errors);
        }
    }

    /// <summary>One action of an Allow statement on its resources: a wildcard, an action not in the table, or a resource
    /// outside the action's scope is reported; every pair granted is noted.</summary>
    private static void CheckAction(
        string sid,
        string action,
        List<string> resources,
        IReadOnlyDictionary<string, string[]> allowed,
        HashSet<(string, string)> granted,
        List<string> errors)
    {
        if (action.Contains('*', StringComparison.Ordinal))
        {
            errors.Add($"{sid}: wildcard action {action}.");
            return;
        }

        if (!allowed.TryGetValue(action, out var scope))
        {
            errors.Add($"{sid}: action {action} is not one the function needs.");
            return;
        }

        foreach (var resource in resources)
        {
            if (!scope.Contains(resource, StringComparer.Ordinal))
            {
                var kind = resource == "*" ? "every resource (*)" : resource;
                errors.Add($"{sid}: {action} on {kind} is not in its scope.");
            }

            granted.Add((action, resource));
        }
    }

    private static JsonArray AsList(JsonNode? node) => node switch
    {
        null => [],
        JsonArray array => array,
        _ => [node.DeepClone()],
    };
}
