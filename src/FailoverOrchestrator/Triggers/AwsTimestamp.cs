using System.Globalization;

namespace FailoverOrchestrator.Triggers;

/// <summary>The timestamps of CloudWatch's alarm events.</summary>
internal static class AwsTimestamp
{
    /// <summary>CloudWatch writes offsets without a colon (<c>+0000</c>), which the ISO parser refuses.</summary>
    public static bool TryParse(string? text, out DateTimeOffset value)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var normalized = text.Length > 5 && (text[^5] == '+' || text[^5] == '-') && text[^4..].All(char.IsAsciiDigit)
            ? string.Concat(text.AsSpan(0, text.Length - 2), ":", text.AsSpan(text.Length - 2))
            : text;
        const DateTimeStyles Utc = DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal;
        return DateTimeOffset.TryParse(normalized, CultureInfo.InvariantCulture, Utc, out value);
    }
}
