using System.Text.Json.Nodes;

namespace FailoverOrchestrator.LocalCloud.Http;

/// <summary>
/// The AWS JSON protocols' (1.0 and 1.1) framing that every JSON service shares: the operation named in
/// <c>X-Amz-Target: &lt;prefix&gt;&lt;Operation&gt;</c>, and the error document <c>{"__type": code, "message": …}</c>.
/// </summary>
internal static class JsonTarget
{
    /// <summary>Whether the request's target is one of the service with <paramref name="prefix"/>.</summary>
    public static bool Accepts(LocalRequest request, string prefix) =>
        request.Header("X-Amz-Target")?.StartsWith(prefix, StringComparison.Ordinal) == true;

    /// <summary>The operation the target names when it is one of <paramref name="known"/>, else null.</summary>
    public static string? OperationOf(LocalRequest request, string prefix, IReadOnlyCollection<string> known) =>
        request.Header("X-Amz-Target") is { } target && target.StartsWith(prefix, StringComparison.Ordinal)
            && known.Contains(target[prefix.Length..], StringComparer.Ordinal)
            ? target[prefix.Length..]
            : null;

    /// <summary>An error answer; <paramref name="members"/> adds the members the service's model gives this error.</summary>
    public static LocalResponse Error(int statusCode, string contentType, string code, string message, JsonObject? members = null)
    {
        var body = new JsonObject { ["__type"] = code, ["message"] = message };
        foreach (var (name, value) in members ?? [])
        {
            body[name] = value?.DeepClone();
        }

        return new LocalResponse(statusCode, contentType, body.ToJsonString()) { ErrorCode = code };
    }
}
