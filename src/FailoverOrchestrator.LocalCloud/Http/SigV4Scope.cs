namespace FailoverOrchestrator.LocalCloud.Http;

/// <summary>The credential scope of a SigV4 Authorization header. The signature itself is not checked.</summary>
internal sealed record SigV4Scope(string AccessKeyId, string Date, string Region, string Service)
{
    private const string Algorithm = "AWS4-HMAC-SHA256";

    /// <summary>
    /// Reads <c>AWS4-HMAC-SHA256 Credential=AKID/20240101/us-east-1/ecs/aws4_request, SignedHeaders=..., Signature=...</c>;
    /// null when the header is not of that shape (AWS answers IncompleteSignature then).
    /// </summary>
    public static SigV4Scope? TryParse(string authorization)
    {
        if (!authorization.StartsWith(Algorithm + " ", StringComparison.Ordinal))
        {
            return null;
        }

        string? credential = null;
        var hasSignedHeaders = false;
        var hasSignature = false;
        foreach (var part in authorization[Algorithm.Length..].Split(',',
            StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (part.StartsWith("Credential=", StringComparison.Ordinal))
            {
                credential = part["Credential=".Length..];
            }

            hasSignedHeaders |= part.StartsWith("SignedHeaders=", StringComparison.Ordinal);
            hasSignature |= part.StartsWith("Signature=", StringComparison.Ordinal);
        }

        var scope = credential?.Split('/');
        if (scope is not { Length: 5 } || scope[4] != "aws4_request" || !hasSignedHeaders || !hasSignature
            || scope.Any(string.IsNullOrEmpty))
        {
            return null;
        }

        return new SigV4Scope(scope[0], scope[1], scope[2], scope[3]);
    }
}
