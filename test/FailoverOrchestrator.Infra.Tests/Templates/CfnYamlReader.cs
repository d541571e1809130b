using System.Text.Json.Nodes;
using YamlDotNet.RepresentationModel;

namespace FailoverOrchestrator.Infra.Tests.Templates;

/// <summary>
/// Reads a CloudFormation YAML template into a JSON tree, turning the short-form tags (<c>!Ref X</c>,
/// <c>!GetAtt A.B</c>, <c>!Sub s</c>...) into the long form CloudFormation itself works on
/// (<c>{"Ref": "X"}</c>, <c>{"Fn::GetAtt": ["A", "B"]}</c>...), so every check sees one shape.
/// Scalars stay strings, as CloudFormation receives them.
/// </summary>
internal static class CfnYamlReader
{
    private static readonly HashSet<string> FunctionTags = new(StringComparer.Ordinal)
    {
        "Base64", "Cidr", "FindInMap", "GetAZs", "If", "ImportValue", "Join", "Select", "Split", "Sub",
        "Equals", "Not", "And", "Or",
    };

    public static JsonObject Read(string yaml)
    {
        var stream = new YamlStream();
        using (var reader = new StringReader(yaml))
        {
            stream.Load(reader);
        }

        if (stream.Documents.Count != 1 || Convert(stream.Documents[0].RootNode) is not JsonObject root)
        {
            throw new InvalidDataException("A template is one YAML document holding a mapping.");
        }

        return root;
    }

    private static JsonNode Convert(YamlNode node)
    {
        JsonNode plain = node switch
        {
            YamlScalarNode scalar => JsonValue.Create(scalar.Value ?? string.Empty),
            YamlSequenceNode sequence => new JsonArray(sequence.Children.Select(Convert).ToArray()),
            YamlMappingNode mapping => ConvertMapping(mapping),
            _ => throw new InvalidDataException($"Unsupported YAML node at {node.Start}."),
        };

        var tag = node.Tag.IsEmpty || node.Tag.IsNonSpecific ? null : node.Tag.Value;
        return tag is null ? plain : ExpandTag(tag, plain, node);
    }

    private static JsonObject ConvertMapping(YamlMappingNode mapping)
    {
        var result = new JsonObject();
        foreach (var (key, value) in mapping.Children)
        {
            if (key is not YamlScalarNode { Value: { } name })
            {
                throw new InvalidDataException($"Mapping keys must be scalars ({key.Start}).");
            }

            if (result.ContainsKey(name))
            {
                throw new InvalidDataException($"Duplicate key '{name}' at {key.Start}.");
            }

            result[name] = Convert(value);
        }

        return result;
    }

    private static JsonObject ExpandTag(string tag, JsonNode value, YamlNode node)
    {
        var name = tag.TrimStart('!');
        return name switch
        {
            "Ref" or "Condition" => new JsonObject { [name] = value },
            "GetAtt" => new JsonObject { ["Fn::GetAtt"] = SplitGetAtt(value, node) },
            _ when FunctionTags.Contains(name) => new JsonObject { ["Fn::" + name] = value },
            _ => throw new InvalidDataException($"Unknown tag '{tag}' at {node.Start}."),
        };
    }

    private static JsonNode SplitGetAtt(JsonNode value, YamlNode node)
    {
        if (value is JsonArray)
        {
            return value;
        }

        var text = value.GetValue<string>();
        var dot = text.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0 || dot == text.Length - 1)
        {
            throw new InvalidDataException($"!GetAtt needs Resource.Attribute, got '{text}' at {node.Start}.");
        }

        return new JsonArray(text[..dot], text[(dot + 1)..]);
    }
}
