using System.Text.Json.Nodes;

namespace FailoverOrchestrator.Infra.Tests;

/// <summary>The repository's <c>aws-lambda-tools-defaults.json</c>, as the <c>dotnet lambda</c> commands read it.</summary>
internal static class LambdaToolsDefaults
{
    private static readonly Lazy<JsonObject> LazySettings =
        new(() => JsonNode.Parse(File.ReadAllText(RepositoryFiles.LambdaToolsDefaults))!.AsObject());

    public static JsonObject Settings => LazySettings.Value;

    public static string Text(string key) => Settings[key]!.GetValue<string>();

    /// <summary>Gets <c>template-parameters</c>, written by the tools' convention as <c>Name=value;Name=value</c>.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> TemplateParameters =>
        Text("template-parameters")
            .Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .Select(pair => KeyValuePair.Create(pair[0], pair.Length == 2 ? pair[1] : string.Empty))
            .ToList();
}
