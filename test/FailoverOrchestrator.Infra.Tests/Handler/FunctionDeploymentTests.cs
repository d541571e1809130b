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
    public void Handler_TemplateAndToolsDefaults_AreTheBootstrapOfProvidedAl2023()
    {
        Assert.Equal("provided.al2023", Intrinsic.Text(FunctionProperties["Runtime"]));
        Assert.Equal("provided.al2023", LambdaToolsDefaults.Text("function-runtime"));
        Assert.Equal("bootstrap", Intrinsic.Text(FunctionProperties["Handler"]));
        Assert.Equal("bootstrap", LambdaToolsDefaults.Text("function-handler"));
        Assert.Equal("net8.0", LambdaToolsDefaults.Text("framework"));
    }

    [Fact]
    public void Architecture_TemplateParameterAndToolsDefaults_Agree()
    {
        var parameter = Main.Parameters["FunctionArchitecture"]!;

        Assert.Equal("""["!Ref FunctionArchitecture"]""",
            new System.Text.Json.Nodes.JsonArray(
            FunctionProperties[
            "Architectures"]!.AsArray().Select(a => (System.Text.Json.Nodes.JsonNode?)Intrinsic.Describe(a)).ToArray()).ToJsonString());
        Assert.Equal("x86_64", Intrinsic.Text(parameter["Default"]));
        Assert.Equal(LambdaToolsDefaults.Text("function-architecture"), Intrinsic.Text(parameter["Default"]));
        Assert.Contains(KeyValuePair.Create("FunctionArchitecture", LambdaToolsDefaults.Text("function-architecture")),
            LambdaToolsDefaults.TemplateParameters);
    }

    [Fact]
    public void Handler_ManagedRuntimeExecutableHandler_ResolvesToTheFunctionsEntryPoint()
    {
        Assert.Null(HandlerResolver.Explain("FailoverOrchestrator", typeof(FailoverOrchestrator.Function).Assembly));
    }

    [Theory]
    [InlineData("FailoverOrchestrator::FailoverOrchestrator.Function::HandleAsync", "needs Amazon.Lambda.Core")]
    [InlineData("Orchestrator", "/var/task/Orchestrator.dll")]
    public void Explain_BrokenHandler_SaysWhy(string handler, string reason)
    {
        var error = HandlerResolver.Explain(handler, typeof(FailoverOrchestrator.Function).Assembly);

        Assert.NotNull(error);
        Assert.Contains(reason, error, StringComparison.Ordinal);
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
    public void Code_ProjectPath_IsTheSelfContainedBootstrapProject()
    {
        var code = FunctionProperties["Code"]!.AsObject();

        var project = Path.GetFullPath(Path.Combine(RepositoryFiles.Root, "infra", Intrinsic.Text(code["S3Key"])!));
        var file = Path.Combine(project, "FailoverOrchestrator.Bootstrap.csproj");

        Assert.False(code.ContainsKey("S3Bucket"), "deploy-serverless builds and uploads only a Code without a bucket");
        Assert.True(File.Exists(file), project);

        // deploy-serverless passes no msbuild-parameters to a project outside the template's folder and publishes with
        // `--self-contained false` unless the project sets SelfContained (Amazon.Lambda.Tools, LambdaDotNetCLIWrapper).
        var xml = System.Xml.Linq.XDocument.Load(file);
        Assert.Equal("true", xml.Descendants("SelfContained").Single().Value);
        Assert.Equal("bootstrap", xml.Descendants("AssemblyName").Single().Value);
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
