using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Nodes;

namespace FailoverOrchestrator.Infra.Tests.Templates;

/// <summary>Recognises intrinsic functions in the long form and writes any value as one comparable string.</summary>
internal static class Intrinsic
{
    /// <summary>Whether <paramref name="node"/> is <c>{"Ref": ...}</c>, <c>{"Condition": ...}</c> or <c>{"Fn::X": ...}</c>.</summary>
    public static bool TryParse(JsonNode? node, [NotNullWhen(true)] out string? name, out JsonNode? argument)
    {
        if (node is JsonObject { Count: 1 } obj)
        {
            var (key, value) = obj.First();
            if (key is "Ref" or "Condition" || key.StartsWith("Fn::", StringComparison.Ordinal))
            {
                name = key;
                argument = value;
                return true;
            }
        }

        name = null;
        argument = null;
        return false;
    }

    /// <summary>Whether <paramref name="node"/> is <c>{"Ref": "AWS::NoValue"}</c>, which removes the property.</summary>
    public static bool IsNoValue(JsonNode? node) =>
        TryParse(node, out var name, out var argument) && name == "Ref" && Text(argument) == "AWS::NoValue";

    /// <summary>
    /// A short text for a value, in the template's own short form: <c>!Ref X</c>, <c>!GetAtt X.Arn</c>,
    /// <c>!Sub arn:...</c>, a literal as itself, anything else as compact JSON.
    /// </summary>
    public static string Describe(JsonNode? node)
    {
        if (TryParse(node, out var name, out var argument))
        {
            switch (name)
            {
                case "Ref" when Text(argument) is { } target:
                    return "!Ref " + target;
                case "Fn::GetAtt" when argument is JsonArray { Count: 2 } pair:
                    return $"!GetAtt {Text(pair[0])}.{Text(pair[1])}";
                case "Fn::Sub" when Text(argument) is { } pattern:
                    return "!Sub " + pattern;
            }
        }

        return Text(node) ?? node?.ToJsonString() ?? "null";
    }

    /// <summary>The string of a scalar node, or null for anything else.</summary>
    public static string? Text(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
