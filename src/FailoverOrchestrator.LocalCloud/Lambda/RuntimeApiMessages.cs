using System.Globalization;
using System.Net;
using System.Text;

namespace FailoverOrchestrator.LocalCloud.Lambda;

/// <summary>
/// The Runtime API's bodies on the wire: the event handed out, the JSON answers, and bounded reads of what the runtime
/// posts.
/// </summary>
internal static class RuntimeApiMessages
{
    public const string Accepted = """{"status":"OK"}""";

    /// <summary>Answers <c>GET …/invocation/next</c> with the event and its headers.</summary>
    public static async Task SendEventAsync(HttpListenerResponse response, PendingInvocation next, string functionArn,
        CancellationToken cancellationToken)
    {
        var headers = response.Headers;
        headers["Lambda-Runtime-Aws-Request-Id"] = next.RequestId;
        headers["Lambda-Runtime-Deadline-Ms"] = next.Deadline.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        headers["Lambda-Runtime-Invoked-Function-Arn"] = functionArn;
        if (next.TraceId is not null)
        {
            headers["Lambda-Runtime-Trace-Id"] = next.TraceId;
        }

        response.StatusCode = 200;
        response.ContentType = "application/json";
        response.ContentLength64 = next.Payload.Length;
        await response.OutputStream.WriteAsync(next.Payload, cancellationToken);
        response.Close();
    }

    public static string Error(string errorType, string message) =>
        System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, string> { ["errorMessage"] = message, ["errorType"] = errorType });

    public static async Task AnswerAsync(HttpListenerContext context, int status, string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        context.Response.ContentLength64 = bytes.Length;
        await context.Response.OutputStream.WriteAsync(bytes);
        context.Response.Close();
    }

    /// <summary>
    /// Reads the body, or returns null when it passes <paramref name="limit"/>. An oversize body is read to its end and
    /// dropped (up to <see cref="RuntimeApiServer.MaxDrainBytes"/>), not cut off: a runtime still sending would meet a
    /// broken pipe and die (aws-lambda-dotnet's RuntimeSupport does), where Lambda answers it 413 and the environment
    /// lives on.
    /// </summary>
    public static async Task<byte[]?> ReadBoundedAsync(HttpListenerRequest request, int limit, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[64 * 1024];
        long total = 0;
        int read;
        while ((read = await request.InputStream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            total += read;
            if (total <= limit)
            {
                buffer.Write(chunk, 0, read);
            }
            else if (total > RuntimeApiServer.MaxDrainBytes)
            {
                throw new IOException($"a body of more than {RuntimeApiServer.MaxDrainBytes} bytes is not read");
            }
        }

        return total > limit ? null : buffer.ToArray();
    }
}
