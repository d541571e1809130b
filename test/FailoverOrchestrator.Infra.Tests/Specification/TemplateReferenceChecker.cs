using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using FailoverOrchestrator.Infra.Tests.Templates;

namespace FailoverOrchestrator.Infra.Tests.Specification;

/// <summary>
/// Checks that every name a template refers to exists: <c>Ref</c> and <c>${...}</c> in <c>Fn::Sub</c>
/// name a parameter, a resource or a pseudo parameter; <c>Fn::GetAtt</c> names a resource and an
/// attribute its type has in the specification; conditions named anywhere are defined.
/// </summary>
internal sealed partial class TemplateReferenceChecker(ResourceSpecification specification)
{
    private static readonly HashSet<string> PseudoParameters = new(StringComparer.Ordinal)
    {
        "AWS::AccountId", "AWS::NotificationARNs", "AWS::NoValue", "AWS::Partition", "AWS::Region",
        "AWS::StackId", "AWS::StackName", "AWS::URLSuffix",
    };

    public IReadOnlyList<string> Check(CfnTemplate template)
    {
        var errors = new List<string>();
        foreach (var section in new[] { "Conditions", "Resources", "Outputs", "Rules" })
        {
            if (template.Root[section] is JsonObject body)
            {
                Walk(template, section, body, errors);
            }
        }

        foreach (var (name, node) in template.Resources.Concat(template.Outputs))
        {
            if (Intrinsic.Text(node?["Condition"]) is { } condition && !template.Conditions.ContainsKey(condition))
            {
                errors.Add($"{name}: condition {condition} is not defined.");
            }
        }

        var used = new HashSet<string>(StringComparer.Ordinal);
        CollectNames(template.Root, used);
        errors.AddRange(template.Parameters.Select(p => p.Key).Where(p => !used.Contains(p)).Select(p => $"parameter {p} is never used."));
        return errors;
    }

    private static void CollectNames(JsonNode? node, HashSet<string> names)
    {
        if (Intrinsic.TryParse(node, out var function, out var argument))
        {
            var text = Intrinsic.Text(argument is JsonArray { Count: > 0 } list ? list[0] : argument) ?? string.Empty;
            if (function == "Ref")
            {
                names.Add(text);
            }
            else if (function == "Fn::Sub")
            {
                names.UnionWith(SubVariable().Matches(text).Select(m => m.Groups["name"].Value));
            }
        }

        var children = node switch
        {
            JsonObject obj => obj.Select(p => p.Value),
            JsonArray array => array,
            _ => [],
        };
        foreach (var child in children)
        {
            CollectNames(child, names);
        }
    }

    private void Walk(CfnTemplate template, string path, JsonNode? node, List<string> errors)
    {
        if (Intrinsic.TryParse(node, out var function, out var argument))
        {
            CheckFunction(template, path, function, argument, errors);
        }

        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, child) in obj)
                {
                    Walk(template, $"{path}.{key}", child, errors);
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    Walk(template, $"{path}[{i}]", array[i], errors);
                }

                break;
        }
    }

    private void CheckFunction(CfnTemplate template, string path, string function, JsonNode? argument, List<string> errors)
    {
        switch (function)
        {
            case "Ref":
                CheckName(template, path, Intrinsic.Text(argument) ?? string.Empty, errors);
                break;
            case "Condition":
            case "Fn::If" when argument is JsonArray { Count: 3 }:
                var condition = Intrinsic.Text(argument is JsonArray branches ? branches[0] : argument) ?? string.Empty;
                if (!template.Conditions.ContainsKey(condition))
                {
                    errors.Add($"{path}: condition {condition} is not defined.");
                }

                break;
            case "Fn::GetAtt" when argument is JsonArray { Count: 2 } pair:
                CheckAttribute(template, path, Intrinsic.Text(pair[0]) ?? string.Empty, Intrinsic.Text(pair[1]) ?? string.Empty, errors);
                break;
            case "Fn::Sub":
                CheckSub(template, path, argument, errors);
                break;
        }
    }

    /// <summary>
    /// Each <c>${...}</c> of a <c>Fn::Sub</c> pattern names one of the Sub's own variables, a resource's attribute
    /// (<c>${Resource.Attribute}</c>), or a parameter, resource or pseudo parameter.
    /// </summary>
    private void CheckSub(CfnTemplate template, string path, JsonNode? argument, List<string> errors)
    {
        var pattern = Intrinsic.Text(argument is JsonArray { Count: 2 } withVariables ? withVariables[0] : argument)
            ?? string.Empty;
        var local = argument is JsonArray { Count: 2 } list && list[1] is JsonObject variables ? variables : [];
        foreach (Match match in SubVariable().Matches(pattern))
        {
            var name = match.Groups["name"].Value;
            var dot = name.IndexOf('.', StringComparison.Ordinal);
            if (local.ContainsKey(name))
            {
                continue;
            }

            if (dot > 0 && !name.StartsWith("AWS::", StringComparison.Ordinal))
            {
                CheckAttribute(template, path, name[..dot], name[(dot + 1)..], errors);
            }
            else
            {
                CheckName(template, path, name, errors);
            }
        }
    }

    private static void CheckName(CfnTemplate template, string path, string name, List<string> errors)
    {
        if (!PseudoParameters.Contains(name) && !template.Parameters.ContainsKey(name) && !template.Resources.ContainsKey(name))
        {
            errors.Add($"{path}: {name} is neither a parameter, a resource nor a pseudo parameter.");
        }
    }

    private void CheckAttribute(CfnTemplate template, string path, string logicalId, string attribute, List<string> errors)
    {
        if (template.Resources[logicalId] is not JsonObject resource)
        {
            errors.Add($"{path}: GetAtt names {logicalId}, which is not a resource.");
            return;
        }

        var type = Intrinsic.Text(resource["Type"]) ?? string.Empty;
        if (specification.TryGetResource(type, out var spec)
            && !(spec.TryGetProperty("attributes", out var attributes) && attributes.TryGetProperty(attribute, out _)))
        {
            errors.Add($"{path}: {type} has no attribute {attribute}.");
        }
    }

    // ${Name}, ${Resource.Attribute}, ${AWS::Region}; ${!Literal} is an escape, not a reference.
    [GeneratedRegex(@"\$\{(?<name>[A-Za-z0-9:._]+)\}")]
    private static partial Regex SubVariable();
}
