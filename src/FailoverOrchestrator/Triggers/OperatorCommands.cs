using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace FailoverOrchestrator.Triggers;

/// <summary>
/// The operator commands that results, pages and errors suggest, written by a JSON writer (never escaped by hand),
/// so that an app name with a quote or a backslash still yields a command that parses. Relaxed escaping keeps them
/// readable (<c>&lt;serving region&gt;</c> is not written as <c>\u003C</c>) in a page or a terminal.
/// </summary>
internal static class OperatorCommands
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Status(string app) => Write(("command", "status"), ("app", app));

    public static string Plan(string app) => Write(("command", "plan"), ("app", app));

    public static string Failover(string app) => Write(("command", "failover"), ("app", app), ("confirm", app));

    public static string Failback(string app) => Write(("command", "failback"), ("app", app), ("confirm", app));

    public static string Resume(string app) => Write(("command", "resume"), ("app", app), ("confirm", app));

    public static string Reset(string app, string region) =>
        Write(("command", "reset"), ("app", app), ("region", region), ("confirm", app));

    private static string Write(params (string Name, string Value)[] properties)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            writer.WriteStartObject();
            foreach (var (name, value) in properties)
            {
                writer.WriteString(name, value);
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
