namespace FailoverOrchestrator.Tests.Aws;

/// <summary>The AWS answers in Fixtures/aws, as the services send them.</summary>
internal static class Fixture
{
    public static string Read(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "aws", name));
}
