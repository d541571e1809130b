namespace FailoverOrchestrator.Infra.Tests.Templates;

public class ParameterCheckerTests
{
    private static readonly CfnTemplate Declarations = CfnTemplate.Parse("""
        Parameters:
          Timeout: { Type: Number, Default: 300, MinValue: 240, MaxValue: 900 }
          Interval: { Type: Number, Default: 30, AllowedValues: [10, 30] }
          Record: { Type: String, AllowedPattern: "[a-z0-9.-]+[a-z0-9]" }
        """);

    [Theory]
    [InlineData("template.yaml")]
    [InlineData("detection-us-east-1.yaml")]
    [InlineData("routing-control.yaml")]
    [InlineData("watch-health-record.yaml")]
    public void CheckDefaults_InfraTemplate_DefaultsAreAccepted(string file)
    {
        var errors = ParameterChecker.CheckDefaults(CfnTemplate.Load(Path.Combine(RepositoryFiles.Root, "infra", file)));

        Assert.Empty(errors);
    }

    [Fact]
    public void Explain_ToolsDefaultsTemplateParameters_AreAccepted()
    {
        var template = CfnTemplate.Load(RepositoryFiles.Template);

        var errors = LambdaToolsDefaults.TemplateParameters.Select(p => ParameterChecker.Explain(template, p.Key, p.Value))
            .OfType<string>();

        Assert.Empty(errors);
    }

    [Theory]
    [InlineData("Timeout", "200", "below MinValue")]
    [InlineData("Timeout", "5m", "not a number")]
    [InlineData("Interval", "20", "not one of its AllowedValues")]
    [InlineData("Record", "API.example.com", "does not match")]
    [InlineData("Record", "api.example.com.", "does not match")]
    [InlineData("Nope", "x", "not a parameter")]
    public void Explain_UnacceptableValue_SaysWhy(string name, string value, string reason)
    {
        var error = ParameterChecker.Explain(Declarations, name, value);

        Assert.NotNull(error);
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }
}
