using System.Text.Json;
using System.Text.Json.Nodes;

namespace FailoverOrchestrator.LocalCloud.Lambda;

/// <summary>
/// Writes the function's configuration file for a local execution environment: a source file with settings laid over
/// it (as <c>Orchestrator:Path</c> keys), so the function process gets its whole configuration from one file.
/// </summary>
internal static class ConfigurationFile
{
    public static string Write(string source, IEnumerable<KeyValuePair<string, string?>> overrides, string destination)
    {
        var root = JsonNode.Parse(File.ReadAllText(source))?.AsObject() ?? throw new InvalidDataException($"{source} holds no JSON object");
        foreach (var (key, value) in overrides)
        {
            var parts = key.Split(':');
            var node = root;
            foreach (var part in parts[..^1])
            {
                node = node[part] as JsonObject ?? (JsonObject)(node[part] = new JsonObject());
            }

            node[parts[^1]] = value;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(destination))!);
        File.WriteAllText(destination, root.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        return destination;
    }
}
