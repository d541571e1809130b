using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace FailoverOrchestrator.IntegrationTests.Aws;

/// <summary>
/// An independent SigV4 computation over a captured request, written from the AWS specification, used to
/// check a captured signature and to re-sign two requests over the same header set.
/// </summary>
internal static partial class SigV4Reference
{
    /// <summary>The parts of an <c>Authorization: AWS4-HMAC-SHA256 ...</c> header.</summary>
    internal sealed record Authorization(string AccessKey, string Date, string Region, string Service, IReadOnlyList<string> SignedHeaders,
        string Signature);

    public static Authorization ParseAuthorization(string header)
    {
        var match = AuthorizationPattern().Match(header);
        Assert.True(match.Success, $"Not a SigV4 authorization header: {header}");
        return new Authorization(
            match.Groups["key"].Value,
            match.Groups["date"].Value,
            match.Groups["region"].Value,
            match.Groups["service"].Value,
            match.Groups["headers"].Value.Split(';'),
            match.Groups["signature"].Value);
    }

    /// <summary>The canonical request of <paramref name="request"/> over <paramref name="signedHeaders"/> (sorted, lower-case).</summary>
    public static string CanonicalRequest(CapturedRequest request, IEnumerable<string> signedHeaders)
    {
        var names = signedHeaders.Select(h => h.ToLowerInvariant()).Order(StringComparer.Ordinal).ToList();
        var headers = string.Concat(
            names.Select(
            n => $"{n}:{Normalize(request.Header(n) ?? throw new InvalidOperationException($"The request has no {n} header."))}\n"));
        return string.Join('\n',
            request.Method,
            CanonicalPath(request.Path),
            CanonicalQuery(request.Query),
            headers,
            string.Join(';', names),
            request.Header("x-amz-content-sha256") ?? Hex(SHA256.HashData(Encoding.UTF8.GetBytes(request.Body))));
    }

    /// <summary>The signature of <paramref name="request"/> over <paramref name="signedHeaders"/> with the given secret, date, region and
    /// service.</summary>
    public static string Sign(CapturedRequest request, IEnumerable<string> signedHeaders, string secretKey, string region, string service)
    {
        var amzDate = request.Header("x-amz-date") ?? throw new InvalidOperationException("The request has no x-amz-date.");
        var date = amzDate[..8];
        var scope = $"{date}/{region}/{service}/aws4_request";
        var canonical = CanonicalRequest(request, signedHeaders);
        var stringToSign = $"AWS4-HMAC-SHA256\n{amzDate}\n{scope}\n{Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)))}";
        var key = Hmac(Encoding.UTF8.GetBytes("AWS4" + secretKey), date);
        key = Hmac(key, region);
        key = Hmac(key, service);
        key = Hmac(key, "aws4_request");
        return Hex(Hmac(key, stringToSign));
    }

    // Non-S3 services sign each path segment encoded once more on top of its wire form.
    private static string CanonicalPath(string wirePath) =>
        string.Join('/', wirePath.Split('/').Select(Uri.EscapeDataString));

    private static string CanonicalQuery(string query) =>
        string.Join('&', query.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .Select(p =>
                (Key: Uri.EscapeDataString(WebUtility.UrlDecode(p[0])),
                Value: Uri.EscapeDataString(WebUtility.UrlDecode(p.Length > 1 ? p[1] : string.Empty))))
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .ThenBy(p => p.Value, StringComparer.Ordinal)
            .Select(p => $"{p.Key}={p.Value}"));

    private static string Normalize(string value) => Whitespace().Replace(value.Trim(), " ");

    private static byte[] Hmac(byte[] key, string data) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(data));

    private static string Hex(byte[] bytes) => Convert.ToHexString(bytes).ToLowerInvariant();

    [GeneratedRegex(
        @"^AWS4-HMAC-SHA256 Credential=(?<key>[^/]+)/(?<date>\d{8})/(?<region>[^/]+)/(?<service>[^/]+)/aws4_request, "
        + @"?SignedHeaders=(?<headers>[^,]+), ?Signature=(?<signature>[0-9a-f]{64})$")]
    private static partial Regex AuthorizationPattern();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
