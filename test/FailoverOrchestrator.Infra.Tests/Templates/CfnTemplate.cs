using System.Text.Json.Nodes;

namespace FailoverOrchestrator.Infra.Tests.Templates;

/// <summary>A parsed CloudFormation template and the sections the checks walk.</summary>
internal sealed class CfnTemplate
{
    private CfnTemplate(JsonObject root) => Root = root;

    public JsonObject Root { get; }

    public JsonObject Parameters => Section("Parameters");

    public JsonObject Conditions => Section("Conditions");

    public JsonObject Resources => Section("Resources");

    public JsonObject Outputs => Section("Outputs");

    public static CfnTemplate Load(string path) => Parse(File.ReadAllText(path));

    public static CfnTemplate Parse(string yaml) => new(CfnYamlReader.Read(yaml));

    /// <summary>The resource named <paramref name="logicalId"/>; fails the test if it is missing.</summary>
    public JsonObject Resource(string logicalId) =>
        Resources[logicalId] as JsonObject ?? throw new KeyNotFoundException($"No resource {logicalId}.");

    /// <summary>The properties of the resource named <paramref name="logicalId"/>.</summary>
    public JsonObject Properties(string logicalId) =>
        Resource(logicalId)["Properties"] as JsonObject ?? throw new KeyNotFoundException($"{logicalId} has no Properties.");

    /// <summary>The logical ids of the resources of one type.</summary>
    public IReadOnlyList<string> ResourcesOfType(string type) =>
        Resources.Where(r => Intrinsic.Text(r.Value?["Type"]) == type).Select(r => r.Key).ToList();

    /// <summary>The logical id of the single resource of <paramref name="type"/>.</summary>
    public string SingleOfType(string type) => Assert.Single(ResourcesOfType(type));

    private JsonObject Section(string name) => Root[name] as JsonObject ?? [];
}
