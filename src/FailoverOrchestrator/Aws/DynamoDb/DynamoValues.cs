using System.Globalization;
using Amazon.DynamoDBv2.Model;

namespace FailoverOrchestrator.Aws.DynamoDb;

/// <summary>Converts between .NET values and DynamoDB attribute values (numbers always in the invariant culture).</summary>
internal static class DynamoValues
{
    public static AttributeValue String(string value) => new() { S = value };

    public static AttributeValue Number(long value) => new() { N = value.ToString(CultureInfo.InvariantCulture) };

    /// <summary>A time as epoch milliseconds, so that conditions compare numbers rather than strings.</summary>
    public static AttributeValue Millis(DateTimeOffset value) => Number(value.ToUnixTimeMilliseconds());

    public static AttributeValue StringList(IEnumerable<string> values) => new() { L = values.Select(String).ToList() };

    public static string? GetString(this Dictionary<string, AttributeValue> item, string name) =>
        item.TryGetValue(name, out var value) ? value.S : null;

    public static long? GetNumber(this Dictionary<string, AttributeValue> item, string name) =>
        item.TryGetValue(name, out var value) && value.N is not null
            ? long.Parse(value.N, NumberStyles.Integer, CultureInfo.InvariantCulture) : null;

    public static DateTimeOffset? GetMillis(this Dictionary<string, AttributeValue> item, string name) =>
        item.GetNumber(name) is { } millis ? DateTimeOffset.FromUnixTimeMilliseconds(millis) : null;

    public static IReadOnlyList<string> GetStringList(this Dictionary<string, AttributeValue> item, string name) =>
        item.TryGetValue(name, out var value) && value.L is not null ? value.L.Select(v => v.S).ToList() : [];
}
