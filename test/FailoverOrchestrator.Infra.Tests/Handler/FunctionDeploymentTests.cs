using System.Globalization;
using System.Text.Json.Nodes;
using FailoverOrchestrator.Infra.Tests.Templates;

namespace FailoverOrchestrator.Infra.Tests.Handler;

public class FunctionDeploymentTests
{
    private static readonly CfnTemplate Main = CfnTemplate.Load(RepositoryFiles.Template);
    private static JsonObject Defaults => LambdaToolsDefaults.Settings;

    private static JsonObject FunctionProperties => Main.Properties("Function");

    [Fact]
    public void Handler_TemplateAndToolsDefaults_ResolveToTheEntryPoint()
    {
        var handler = Intrinsic.Text(FunctionProperties["Handler"])!;

        Assert.Equal(handler, LambdaToolsDefaults.Text("function-handler"));
        Assert.Null(HandlerResolver.Explain(handler, typeof(FailoverOrchestrator.Function).Assembly));
    }

    [Theory]
    [InlineData("FailoverOrchestrator::FailoverOrchestrator.Function::Handle", "no single public instance method")]
    [InlineData("FailoverOrchestrator::FailoverOrchestrator.Functions::HandleAsync", "is not a public type")]
    [InlineData("Orchestrator::FailoverOrchestrator.Function::HandleAsync", "assembly 'Orchestrator'")]
    [InlineData("FailoverOrchestrator::FailoverOrchestrator.Function::ToString", "must take a Stream")]
    [InlineData("FailoverOrchestrator.Function::HandleAsync", "is not Assembly::Type::Method")]
    public void Explain_BrokenHandler_SaysWhy(string handler, string reason)
    {
        var error = HandlerResolver.Explain(handler, typeof(FailoverOrchestrator.Function).Assembly);

        Assert.NotNull(error);
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Runtime_TemplateAndToolsDefaults_AreDotnet8OnArm64()
    {
        Assert.Equal("dotnet8", Intrinsic.Text(FunctionProperties["Runtime"]));
        Assert.Equal("dotnet8", LambdaToolsDefaults.Text("function-runtime"));
        Assert.Equal("""["arm64"]""", FunctionProperties["Architectures"]!.ToJsonString());
        Assert.Equal("arm64", LambdaToolsDefaults.Text("function-architecture"));
        Assert.Equal("net8.0", LambdaToolsDefaults.Text("framework"));
    }

    [Fact]
    public void MemoryAndTimeout_ToolsDefaults_EqualTheTemplateDefaults()
    {
        Assert.Equal("!Ref FunctionMemorySize", Intrinsic.Describe(FunctionProperties["MemorySize"]));
        Assert.Equal(ParameterDefault("FunctionMemorySize"), Defaults["function-memory-size"]!.GetValue<int>());
        Assert.Equal(ParameterDefault("FunctionTimeoutSeconds"), Defaults["function-timeout"]!.GetValue<int>());
        Assert.Equal(Intrinsic.Text(Main.Parameters["FunctionName"]!["Default"]), LambdaToolsDefaults.Text("function-name"));
    }

    [Fact]
    public void TemplateParameters_ToolsDefaults_NameRealParametersAndCoverTheRequiredOnes()
    {
        var given = LambdaToolsDefaults.TemplateParameters.Select(pair => pair.Key).ToList();
        var required = Main.Parameters.Where(p => p.Value?["Default"] is null).Select(p => p.Key);

        Assert.Equal("infra/template.yaml", LambdaToolsDefaults.Text("template"));
        Assert.All(given, name => Assert.True(Main.Parameters.ContainsKey(name), $"{name} is not a template parameter"));
        Assert.All(required, name => Assert.Contains(name, given));
    }

    [Fact]
    public void Code_ProjectPath_IsTheFunctionProjectBesideTheTemplate()
    {
        var code = FunctionProperties["Code"]!.AsObject();

        var project = Path.GetFullPath(Path.Combine(RepositoryFiles.Root, "infra", Intrinsic.Text(code["S3Key"])!));

        Assert.False(code.ContainsKey("S3Bucket"), "deploy-serverless builds and uploads only a Code without a bucket");
        Assert.True(File.Exists(Path.Combine(project, "FailoverOrchestrator.csproj")), project);
    }

    [Fact]
    public void LogGroup_FunctionName_IsTheLambdaLogGroupWithRetention()
    {
        var logGroup = Main.Properties("FunctionLogGroup");

        Assert.Equal("!Sub /aws/lambda/${FunctionName}", Intrinsic.Describe(logGroup["LogGroupName"]));
        Assert.Equal("!Ref LogRetentionDays", Intrinsic.Describe(logGroup["RetentionInDays"]));
        Assert.Equal("!Ref FunctionName", Intrinsic.Describe(FunctionProperties["FunctionName"]));
        Assert.Equal("!Ref FunctionLogGroup", Intrinsic.Describe(FunctionProperties["LoggingConfig"]!["LogGroup"]));
    }

    [Fact]
    public void EventInvokeConfig_Failures_RetryTwiceThenGoToTheQueue()
    {
        var config = Main.Properties(Main.SingleOfType("AWS::Lambda::EventInvokeConfig"));

        Assert.Equal("!Ref Function", Intrinsic.Describe(config["FunctionName"]));
        Assert.Equal("$LATEST", Intrinsic.Text(config["Qualifier"]));
        Assert.Equal("2", Intrinsic.Text(config["MaximumRetryAttempts"]));
        Assert.Equal("!Ref MaximumEventAgeInSeconds", Intrinsic.Describe(config["MaximumEventAgeInSeconds"]));
        Assert.Equal("!GetAtt OnFailureQueue.Arn", Intrinsic.Describe(config["DestinationConfig"]!["OnFailure"]!["Destination"]));
    }

    private static int ParameterDefault(string name) =>
        int.Parse(Intrinsic.Text(Main.Parameters[name]!["Default"])!, CultureInfo.InvariantCulture);
}
