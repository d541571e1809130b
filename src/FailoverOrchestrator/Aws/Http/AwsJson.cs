using System.Text;
using System.Text.Json;

namespace FailoverOrchestrator.Aws.Http;

/// <summary>Reads AWS JSON bodies; a missing or mistyped member is a <see cref="FormatException"/>.</summary>
internal static class AwsJson
{
    public static string RequiredString(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw new FormatException($"The JSON object has no string '{name}'.");

    public static int RequiredInt32(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number)
            ? number
            : throw new FormatException($"The JSON object has no integer '{name}'.");

    public static string? OptionalString(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    public static JsonElement RequiredObject(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object
            ? value
            : throw new FormatException($"The JSON object has no object '{name}'.");

    /// <summary>The array's items, or none when the member is absent (AWS omits empty lists).</summary>
    public static IEnumerable<JsonElement> OptionalArray(JsonElement parent, string name)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        return value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray()
            : throw new FormatException($"The JSON member '{name}' is not an array.");
    }

    public static JsonElement RootObject(JsonDocument document) =>
        document.RootElement.ValueKind == JsonValueKind.Object
            ? document.RootElement
            : throw new FormatException("The JSON body is not an object.");

    /// <summary>Writes one JSON object whose members <paramref name="writeMembers"/> writes, in the order it writes them.</summary>
    public static string Write(Action<Utf8JsonWriter> writeMembers)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writeMembers(writer);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
