using System.Text.Json;

namespace FailoverOrchestrator.Triggers;

/// <summary>
/// Finds a member named twice in one JSON object. The JSON specification leaves the meaning of duplicate names open
/// and the deserializer keeps the last, so <c>{"command":"plan",...,"command":"failover"}</c> would read as a
/// failover while a human (or a log viewer that keeps the first) sees a rehearsal: such input is refused whole.
/// </summary>
internal static class DuplicateKeys
{
    /// <summary>The JSON path of the first duplicated member name, or null when every object's names are distinct.</summary>
    public static string? Find(JsonElement element, string path = "$")
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var names = new HashSet<string>(StringComparer.Ordinal);
                foreach (var property in element.EnumerateObject())
                {
                    var at = $"{path}.{property.Name}";
                    if (!names.Add(property.Name))
                    {
                        return at;
                    }

                    if (Find(property.Value, at) is { } inner)
                    {
                        return inner;
                    }
                }

                return null;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    if (Find(item, $"{path}[{index++}]") is { } inner)
                    {
                        return inner;
                    }
                }

                return null;
            default:
                return null;
        }
    }
}
