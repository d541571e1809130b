namespace FailoverOrchestrator.Infra.Tests;

/// <summary>Finds the files under test in the working tree, wherever the test assembly runs from.</summary>
internal static class RepositoryFiles
{
    private static readonly Lazy<string> LazyRoot = new(FindRoot);

    public static string Root => LazyRoot.Value;

    public static string Template => Path.Combine(Root, "infra", "template.yaml");

    public static string DetectionTemplate => Path.Combine(Root, "infra", "detection-us-east-1.yaml");

    public static string LambdaToolsDefaults => Path.Combine(Root, "aws-lambda-tools-defaults.json");

    public static string SpecificationPackage =>
        Path.Combine(Root, "test", "FailoverOrchestrator.Infra.Tests", "node", "node_modules", "@aws-cdk", "aws-service-spec");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "FailoverOrchestrator.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No FailoverOrchestrator.sln above {AppContext.BaseDirectory}.");
    }
}
