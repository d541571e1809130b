using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace FailoverOrchestrator.Redaction;

/// <summary>
/// The one place text from outside (AWS error messages of every service, DynamoDB's included, and operators' words)
/// is made safe before it reaches a log, an SNS message, an audit item, the state item or a result: signing details
/// and credentials are removed, and control, line-breaking and bidirectional characters are escaped so that no
/// value can forge a line or reorder what the on-call reads.
/// </summary>
internal static partial class SafeText
{
    private static readonly string[] SigningDetailMarkers =
        ["The Canonical String for this request should have been", "The String-to-Sign should have been"];

    /// <summary>Redacts, then escapes: for any text that a person reads.</summary>
    public static string ForHumans(string? text) => Escape(Redact(text ?? string.Empty));

    /// <summary>
    /// Cuts the canonical request and string-to-sign that a SignatureDoesNotMatch or InvalidSignatureException message
    /// goes on with (they list the signed headers' values, the session token among them), and removes session
    /// tokens, Authorization headers, signatures and credential scopes wherever else they are echoed.
    /// </summary>
    public static string Redact(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        foreach (var marker in SigningDetailMarkers)
        {
            var at = message.IndexOf(marker, StringComparison.OrdinalIgnoreCase);
            if (at >= 0)
            {
                message = message[..at].TrimEnd() + " [signing details removed]";
            }
        }

        message = SecurityToken().Replace(message, m => $"{m.Groups["name"].Value}{m.Groups["sep"].Value}[removed]");
        message = Authorization().Replace(message, m => $"{m.Groups["name"].Value}{m.Groups["sep"].Value}[removed]");
        message = Signature().Replace(message, m => $"{m.Groups["name"].Value}=[removed]");
        message = Credential().Replace(message, m => $"{m.Groups["name"].Value}=[removed]");
        return LongToken().Replace(message, "[removed]");
    }

    /// <summary>Escapes control characters (C0, DEL, C1), line and paragraph separators, zero-width and bidirectional formatting characters
    /// as <c>\uXXXX</c> (newline, return and tab as <c>\n</c>, <c>\r</c>, <c>\t</c>).</summary>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!text.Any(NeedsEscape))
        {
            return text;
        }

        var escaped = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            _ = c switch
            {
                '\n' => escaped.Append("\\n"),
                '\r' => escaped.Append("\\r"),
                '\t' => escaped.Append("\\t"),
                _ when NeedsEscape(c) => escaped.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}"),
                _ => escaped.Append(c),
            };
        }

        return escaped.ToString();
    }

    private static bool NeedsEscape(char c) =>
        char.IsControl(c)
        || c is '\u061C' or '\u200B' or '\u200C' or '\u200D' or '\u200E' or '\u200F' or '\u2028' or '\u2029' or '\uFEFF'
        || c is >= '\u202A' and <= '\u202E'
        || c is >= '\u2066' and <= '\u2069';

    [GeneratedRegex(@"(?<name>x-amz-security-token)(?<sep>\s*[:=]\s*)[^\s&,;""']+", RegexOptions.IgnoreCase)]
    private static partial Regex SecurityToken();

    [GeneratedRegex(@"(?<name>Authorization)(?<sep>\s*[:=]\s*)[^\r\n""']*", RegexOptions.IgnoreCase)]
    private static partial Regex Authorization();

    [GeneratedRegex(@"(?<name>(X-Amz-)?Signature)\s*=\s*[0-9a-fA-F]{16,}", RegexOptions.IgnoreCase)]
    private static partial Regex Signature();

    [GeneratedRegex(@"(?<name>(X-Amz-)?Credential)\s*=\s*[^\s,&""']+", RegexOptions.IgnoreCase)]
    private static partial Regex Credential();

    /// <summary>A session token on its own (base64, hundreds of characters): nothing else in an AWS message looks like it.</summary>
    [GeneratedRegex(@"[A-Za-z0-9+/]{120,}={0,2}")]
    private static partial Regex LongToken();
}
