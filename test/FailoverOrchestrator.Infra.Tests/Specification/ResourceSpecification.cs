using System.IO.Compression;
using System.Text.Json;

namespace FailoverOrchestrator.Infra.Tests.Specification;

/// <summary>
/// The CloudFormation resource specification as the AWS CDK ships it: the database of
/// <c>@aws-cdk/aws-service-spec</c> (<c>db.json.gz</c>), with every resource type, its properties
/// (types, required flags), its attributes and the property types they refer to.
/// </summary>
internal sealed class ResourceSpecification
{
    private static readonly Lazy<ResourceSpecification> LazyShipped =
        new(() => Load(RepositoryFiles.SpecificationPackage));

    private readonly Dictionary<string, JsonElement> _resources;
    private readonly Dictionary<string, JsonElement> _typeDefinitions;

    private ResourceSpecification(string version, Dictionary<string, JsonElement> resources,
        Dictionary<string, JsonElement> typeDefinitions)
    {
        Version = version;
        _resources = resources;
        _typeDefinitions = typeDefinitions;
    }

    /// <summary>Gets the specification from the package pinned in <c>node/package-lock.json</c>.</summary>
    public static ResourceSpecification Shipped => LazyShipped.Value;

    /// <summary>Gets the package version the specification came from.</summary>
    public string Version { get; }

    public int ResourceTypeCount => _resources.Count;

    public static ResourceSpecification Load(string packageDirectory)
    {
        var database = Path.Combine(packageDirectory, "db.json.gz");
        if (!File.Exists(database))
        {
            throw new FileNotFoundException("Build the test project first: its NpmCi step installs the specification.", database);
        }

        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(packageDirectory, "package.json")));
        var version = manifest.RootElement.GetProperty("version").GetString() ?? "?";

        using var file = File.OpenRead(database);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        var schema = JsonDocument.Parse(gzip).RootElement.GetProperty("schema");

        var resources = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var resource in Entities(schema, "resource"))
        {
            resources[resource.GetProperty("cloudFormationType").GetString()!] = resource;
        }

        var types = Entities(schema, "typeDefinition").ToDictionary(t => t.GetProperty("$id").GetString()!, StringComparer.Ordinal);
        return new ResourceSpecification(version, resources, types);
    }

    /// <summary>The resource type's entry, with <c>properties</c> and <c>attributes</c>.</summary>
    public bool TryGetResource(string cloudFormationType, out JsonElement resource) =>
        _resources.TryGetValue(cloudFormationType, out resource);

    /// <summary>The property type that a <c>{"type": "ref", "reference": {"$ref": id}}</c> points to.</summary>
    public JsonElement TypeDefinition(string id) => _typeDefinitions[id];

    private static JsonElement.ArrayEnumerator Entities(JsonElement schema, string collection) =>
        schema.GetProperty(collection).GetProperty("entities").EnumerateArray();
}
