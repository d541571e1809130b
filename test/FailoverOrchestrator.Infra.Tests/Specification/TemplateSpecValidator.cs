using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using FailoverOrchestrator.Infra.Tests.Templates;

namespace FailoverOrchestrator.Infra.Tests.Specification;

/// <summary>
/// Checks every resource of a template against the resource specification: the type exists, each
/// property (nested ones too) is one the type has, with the right shape, and every required property
/// is present. Values built by intrinsic functions are taken on trust except the branches of Fn::If.
/// </summary>
internal sealed class TemplateSpecValidator(ResourceSpecification specification)
{
    private static readonly HashSet<string> ResourceKeys = new(StringComparer.Ordinal)
    {
        "Type", "Properties", "DependsOn", "Condition", "DeletionPolicy", "UpdateReplacePolicy", "Metadata", "CreationPolicy",
            "UpdatePolicy",
    };

    public IReadOnlyList<string> Validate(CfnTemplate template)
    {
        var errors = new List<string>();
        foreach (var (logicalId, node) in template.Resources)
        {
            ValidateResource(logicalId, node as JsonObject, errors);
        }

        return errors;
    }

    private void ValidateResource(string logicalId, JsonObject? resource, List<string> errors)
    {
        if (resource is null)
        {
            errors.Add($"{logicalId}: a resource must be a mapping.");
            return;
        }

        errors.AddRange(
            resource.Where(p => !ResourceKeys.Contains(p.Key)).Select(p => $"{logicalId}: unknown resource attribute {p.Key}."));

        var type = Intrinsic.Text(resource["Type"]);
        if (type is null || !specification.TryGetResource(type, out var spec))
        {
            errors.Add($"{logicalId}: type '{type}' is not in the resource specification {specification.Version}.");
            return;
        }

        var properties = resource["Properties"] as JsonObject ?? [];
        ValidateObject($"{logicalId} ({type})", spec.GetProperty("properties"), properties, errors);
    }

    private void ValidateObject(string path, JsonElement propertySpecs, JsonObject value, List<string> errors)
    {
        foreach (var (name, child) in value)
        {
            if (!propertySpecs.TryGetProperty(name, out var propertySpec))
            {
                errors.Add($"{path}: unknown property {name}.");
                continue;
            }

            ValidateValue($"{path}.{name}", propertySpec.GetProperty("type"), child, errors);
        }

        foreach (var property in propertySpecs.EnumerateObject())
        {
            var required = property.Value.TryGetProperty("required", out var flag) && flag.GetBoolean();
            if (required && !value.ContainsKey(property.Name))
            {
                errors.Add($"{path}: required property {property.Name} is missing.");
            }
        }
    }

    private void ValidateValue(string path, JsonElement type, JsonNode? value, List<string> errors)
    {
        if (Intrinsic.TryParse(value, out var function, out var argument))
        {
            // Fn::If picks one of two values: both must fit (AWS::NoValue drops the property).
            if (function == "Fn::If" && argument is JsonArray { Count: 3 } branches)
            {
                foreach (var branch in branches.Skip(1).Where(b => !Intrinsic.IsNoValue(b)))
                {
                    ValidateValue(path, type, branch, errors);
                }
            }

            return;
        }

        var kind = type.GetProperty("type").GetString();
        switch (kind)
        {
            case "string" or "integer" or "number" or "boolean":
                ValidateScalar(path, kind, value, errors);
                break;
            case "array" or "map" or "ref" or "tag" or "union":
                ValidateStructured(path, type, value, errors);
                break;
            default:
                // json, date-time and anything newer: free-form.
                break;
        }
    }

    private static void ValidateScalar(string path, string kind, JsonNode? value, List<string> errors)
    {
        switch (kind)
        {
            case "string":
                Expect(value is JsonValue, path, "a string", errors);
                break;
            case "integer":
                Expect(Intrinsic.Text(value) is { } whole
                    && long.TryParse(whole, NumberStyles.Integer, CultureInfo.InvariantCulture, out _), path, "an integer", errors);
                break;
            case "number":
                Expect(Intrinsic.Text(value) is { } n && double.TryParse(n, NumberStyles.Float, CultureInfo.InvariantCulture, out _), path,
                    "a number", errors);
                break;
            case "boolean":
                Expect(Intrinsic.Text(value) is "true" or "false", path, "true or false", errors);
                break;
        }
    }

    /// <summary>An array's or a map's elements, a property type's own properties, a tag, or one of a union's types.</summary>
    private void ValidateStructured(string path, JsonElement type, JsonNode? value, List<string> errors)
    {
        switch (type.GetProperty("type").GetString())
        {
            case "array" when value is JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    ValidateValue($"{path}[{i}]", type.GetProperty("element"), array[i], errors);
                }

                break;
            case "map" when value is JsonObject map:
                foreach (var (key, item) in map)
                {
                    ValidateValue($"{path}.{key}", type.GetProperty("element"), item, errors);
                }

                break;
            case "ref" when value is JsonObject obj:
                var definition = specification.TypeDefinition(type.GetProperty("reference").GetProperty("$ref").GetString()!);
                ValidateObject(path, definition.GetProperty("properties"), obj, errors);
                break;
            case "tag" when value is JsonObject tag:
                Expect(tag.Count == 2 && tag.ContainsKey("Key") && tag.ContainsKey("Value"), path, "a tag {Key, Value}", errors);
                break;
            case "union":
                var fits = type.GetProperty("types").EnumerateArray().Any(t => Fits(path, t, value));
                Expect(fits, path, "one of the union's types", errors);
                break;
            default:
                errors.Add($"{path}: expected {type.GetProperty("type").GetString()}, got {Intrinsic.Describe(value)}.");
                break;
        }
    }

    private bool Fits(string path, JsonElement type, JsonNode? value)
    {
        var trial = new List<string>();
        ValidateValue(path, type, value, trial);
        return trial.Count == 0;
    }

    private static void Expect(bool condition, string path, string what, List<string> errors)
    {
        if (!condition)
        {
            errors.Add($"{path}: expected {what}.");
        }
    }
}
