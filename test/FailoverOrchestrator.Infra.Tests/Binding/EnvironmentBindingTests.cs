using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using FailoverOrchestrator.Configuration;
using FailoverOrchestrator.Infra.Tests.Templates;
using Xunit.Abstractions;

namespace FailoverOrchestrator.Infra.Tests.Binding;

public class EnvironmentBindingTests(ITestOutputHelper output)
{
    /// <summary>Lambda's quota: "Environment variables: 4 KB, for all environment variables associated with the function, in
    /// aggregate".</summary>
    private const int LambdaEnvironmentBytes = 4096;

    private static readonly CfnTemplate Main = CfnTemplate.Load(RepositoryFiles.Template);

    private static JsonObject EnvironmentVariables => Main.Properties("Function")["Environment"]!["Variables"]!.AsObject();

    [Fact]
    public void Explain_EveryTemplateVariable_BindsToAnOption()
    {
        var names = EnvironmentVariables.Where(v => v.Key.StartsWith("Orchestrator__", StringComparison.Ordinal)).ToList();

        var errors = names.Select(v => OptionPathBinder.Explain(v.Key, Intrinsic.Text(v.Value))).OfType<string>();

        Assert.Equal(EnvironmentVariables.Count, names.Count);
        Assert.Empty(errors);
    }

    [Theory]
    [InlineData("Orchestrator__Apps__shop__Regions__us-east-1__HealthCheckIdd", "'HealthCheckIdd' is not a member")]
    [InlineData("Orchestrator__Apps__shop__AlarmNames__first", "'first' is not a member, key or index")]
    [InlineData("Orchestrator__Apps__shop__Dns", "ends on DnsRecordOptions")]
    [InlineData("Orchestrator__StateTable__Name", "'Name' is not a member")]
    [InlineData("Orchestrators__StateTable", "does not start with Orchestrator__")]
    public void Explain_BrokenName_SaysWhy(string name, string reason)
    {
        var error = OptionPathBinder.Explain(name);

        Assert.NotNull(error);
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_ValueOfTheWrongType_SaysWhy()
    {
        var error = OptionPathBinder.Explain("Orchestrator__Apps__shop__PreflightPolicy", "Blok");

        Assert.Contains("not a valid PreflightPolicy", error, StringComparison.Ordinal);
        Assert.Null(OptionPathBinder.Explain("Orchestrator__Apps__shop__Regions__us-west-2__Services__0__ActiveDesiredCount", "2"));
    }

    [Fact]
    public void FunctionTimeoutSeconds_Variable_IsTheFunctionTimeout()
    {
        var timeout = Main.Properties("Function")["Timeout"];

        Assert.Equal("!Ref FunctionTimeoutSeconds", Intrinsic.Describe(timeout));
        Assert.Equal(Intrinsic.Describe(timeout), Intrinsic.Describe(EnvironmentVariables["Orchestrator__FunctionTimeoutSeconds"]));
        Assert.Equal(
            new OrchestratorOptions().FunctionTimeoutSeconds.ToString(CultureInfo.InvariantCulture),
            Intrinsic.Text(Main.Parameters["FunctionTimeoutSeconds"]!["Default"]));
    }

    [Fact]
    public void FunctionTimeout_AnyAllowedValue_OutlastsTheDefaultLeaseAndWaits()
    {
        var defaults = new AppOptions();

        var shortestTimeout = Number("FunctionTimeoutSeconds", "MinValue");

        Assert.True(shortestTimeout > defaults.LeaseSeconds, "the lease must end before the function is killed");
        Assert.True(
            shortestTimeout >= defaults.EcsWaitSeconds + defaults.HealthWaitSeconds + defaults.DnsWaitSeconds
                + defaults.Replication.CatchUpWaitSeconds + defaults.Replication.SourceReadTimeoutSeconds
                    + InvocationBudget.ReservedSeconds,
            "one invocation must fit the ECS, health and DNS waits and the replication catch-up");
    }

    [Fact]
    public void VariableNames_BotocoresLambdaModel_AcceptsEveryName()
    {
        // The pattern comes from botocore's Lambda service model (shape EnvironmentVariableName), not from us. It is
        // unanchored there; Lambda applies it to the whole name (the API reference's "Pattern"), so match it whole.
        var pattern = Python(
            "import botocore.session as "
            + "s;print(s.get_session().get_service_model('lambda').shape_for('EnvironmentVariableName').metadata['pattern'])").Trim();
        var whole = new Regex($"^(?:{pattern})$", RegexOptions.None, TimeSpan.FromSeconds(1));

        Assert.Equal("[a-zA-Z]([a-zA-Z0-9_])+", pattern);
        Assert.All(EnvironmentVariables.Select(v => v.Key), name => Assert.Matches(whole, name));
        Assert.DoesNotMatch(whole, "Orchestrator__Apps__shop__Regions__us-east-1__HealthCheckId");
    }

    [Fact]
    public void VariableNames_NoAppOrRegion_InAnyName()
    {
        var names = EnvironmentVariables.Select(v => v.Key).ToList();

        Assert.DoesNotContain(names, n => n.Contains("__Apps__", StringComparison.Ordinal));
        Assert.DoesNotContain(names, n => AwsRegions.Standard.Any(r => n.Contains(r, StringComparison.Ordinal)));
    }

    [Fact]
    public void Environment_TenAppsAsDeployed_FitsLambdasFourKilobytesAndBinds()
    {
        // The variables as CloudFormation resolves them for the longest values the parameters and names allow: the
        // longest region name, a 128-character stack name in both table names, the largest numbers.
        var deployed = new Dictionary<string, string>(StringComparer.Ordinal);
        var stack = new string('s', 128);
        foreach (var (name, value) in EnvironmentVariables)
        {
            deployed[name] = Intrinsic.Describe(value) switch
            {
                "!Ref AWS::Region" => "ap-southeast-7",
                "!Ref StateTable" => stack + "-state",
                "!Ref AuditTable" => stack + "-audit",
                "!Ref AuditRetentionDays" => "36500",
                "!Ref FunctionTimeoutSeconds" => Intrinsic.Text(Main.Parameters["FunctionTimeoutSeconds"]!["MaxValue"])!,
                var other => throw new InvalidOperationException($"{name}: no deployed value for {other}"),
            };
        }

        var bytes = deployed.Sum(v => Encoding.UTF8.GetByteCount(v.Key) + Encoding.UTF8.GetByteCount(v.Value));
        var config = WriteTenApps();
        var options = OrchestratorConfiguration.Load(config,
            deployed.Select(v => new KeyValuePair<string, string?>(v.Key.Replace("__", ":", StringComparison.Ordinal), v.Value)));
        output.WriteLine(
            $"{deployed.Count} variables, {bytes} bytes with {options.Apps.Count} apps in {Path.GetFileName(config)} "
            + $"({new FileInfo(config).Length} bytes)");

        Assert.Equal(10, options.Apps.Count);
        Assert.Equal("ap-southeast-7", options.Region);
        Assert.True(bytes <= LambdaEnvironmentBytes, $"{bytes} bytes of environment variables");
    }

    private static string WriteTenApps()
    {
        var sample = JsonNode.Parse(
            File.ReadAllText(Path.Combine(RepositoryFiles.Root, "src", "FailoverOrchestrator.Cli", "samples", "orchestrator.json")))!;
        var shop = sample["Orchestrator"]!["Apps"]!["shop"]!.ToJsonString();
        var apps = new JsonObject();
        for (var i = 0; i < 10; i++)
        {
            apps[$"app-{i}"] =
                JsonNode.Parse(shop.Replace("shop-primary-unhealthy", $"failover-app-{i}-primary-unhealthy", StringComparison.Ordinal));
        }

        var path = Path.Combine(Directory.CreateTempSubdirectory("ten-apps-").FullName, "orchestrator.json");
        File.WriteAllText(path,
            new JsonObject { ["Orchestrator"] = new JsonObject { ["Apps"] = apps } }.ToJsonString(
            new JsonSerializerOptions { WriteIndented = true }));
        return path;
    }

    private static string Python(string code)
    {
        var start = new ProcessStartInfo("python3") { ArgumentList = { "-c", code }, RedirectStandardOutput = true };
        using var process = Process.Start(start)!;
        var text = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
        return text;
    }

    private static int Number(string parameter, string attribute) =>
        int.Parse(Intrinsic.Text(Main.Parameters[parameter]![attribute])!, CultureInfo.InvariantCulture);
}
