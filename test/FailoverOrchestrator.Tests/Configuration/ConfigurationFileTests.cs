using System.Diagnostics;
using System.Reflection;
using System.Text.Json;
using FailoverOrchestrator.Configuration;
using FailoverOrchestrator.Tests.TestSupport;

namespace FailoverOrchestrator.Tests.Configuration;

/// <summary>What the file may hold.</summary>
public sealed class ConfigurationFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("orchestrator-config-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Load_DuplicateKeyInFile_NamesTheSettingPath()
    {
        var text = File.ReadAllText(TestConfig.ConfigPath)
            .Replace("\"CooldownSeconds\": 900,", "\"CooldownSeconds\": 900, \"cooldownSeconds\": 5,", StringComparison.Ordinal);
        var path = Write("dup.json", text);

        var ex = Assert.Throws<OrchestratorConfigurationException>(() =>
            OrchestratorConfiguration.Load(path, environment: TestEnvironment.Empty));

        Assert.Equal([$"Orchestrator:Apps:shop:cooldownSeconds: given more than once in '{path}' (keys are case-insensitive); keep one"],
            ex.Errors);
    }

    [Fact]
    public void Load_DuplicateKeyInsideAList_NamesTheIndex()
    {
        var text = File.ReadAllText(TestConfig.ConfigPath)
            .Replace("\"Service\": \"web\",", "\"Service\": \"web\", \"Service\": \"api\",", StringComparison.Ordinal);

        var ex = Assert.Throws<OrchestratorConfigurationException>(() =>
            OrchestratorConfiguration.Load(Write("dup.json", text), environment: TestEnvironment.Empty));

        Assert.Contains(ex.Errors, e =>
            e.StartsWith("Orchestrator:Apps:shop:Regions:us-east-1:Services:0:Service: given more than once", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_BrokenJson_SaysSoWithTheFile()
    {
        var path = Write("broken.json", "{ \"Orchestrator\": { \"Apps\": ");

        var ex = Assert.Throws<OrchestratorConfigurationException>(() =>
            OrchestratorConfiguration.Load(path, environment: TestEnvironment.Empty));

        Assert.Contains($"configuration file '{path}' is not valid JSON: line 1, position ", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_JsonThatIsNotAnObject_SaysSoWithTheFile()
    {
        var path = Write("array.json", "[1, 2]");

        var ex = Assert.Throws<OrchestratorConfigurationException>(() =>
            OrchestratorConfiguration.Load(path, environment: TestEnvironment.Empty));

        Assert.Contains($"configuration file '{path}' is not a configuration", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_EmptyRegion_SaysItIsEmptyNotThatAwsRegionIsMissing()
    {
        var ex = Assert.Throws<OrchestratorConfigurationException>(() => TestConfig.Load([new("Orchestrator:Region", "")]));

        var error = Assert.Single(ex.Errors, e => e.StartsWith("Orchestrator:Region:", StringComparison.Ordinal));
        Assert.StartsWith("Orchestrator:Region: set but empty;", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_WaitsLongerThanTheFunction_Refused()
    {
        var ex = Assert.Throws<OrchestratorConfigurationException>(() => TestConfig.Load(
        [
            new("Orchestrator:FunctionTimeoutSeconds", "240"), new("Orchestrator:Apps:shop:LeaseSeconds", "119"),
            new("Orchestrator:Apps:shop:EcsWaitSeconds", "100"), new("Orchestrator:Apps:shop:HealthWaitSeconds", "100"),
                new("Orchestrator:Apps:shop:DnsWaitSeconds", "100"),
        ]));

        Assert.Contains(
            "Orchestrator:Apps:shop:EcsWaitSeconds, HealthWaitSeconds, DnsWaitSeconds: together 300 s, plus 10 s for the calls around them "
                + "and the 8 s the function keeps before its deadline to record a failure, do not fit in "
                + "Orchestrator:FunctionTimeoutSeconds (240); shorten a wait or raise the function's timeout",
            ex.Errors);
    }

    [Fact]
    public void Load_DefaultWaits_FitTheDefaultTimeout()
    {
        var defaults = new AppOptions();

        Assert.True(defaults.EcsWaitSeconds + defaults.HealthWaitSeconds + defaults.DnsWaitSeconds + defaults.Replication.CatchUpWaitSeconds
            + defaults.Replication.SourceReadTimeoutSeconds
            + InvocationBudget.ReservedSeconds <= new OrchestratorOptions().FunctionTimeoutSeconds);
    }

    [Fact]
    public void Load_TenApps_EachBoundUnderItsName()
    {
        var path = Write("ten.json", TenApps());

        var options = OrchestratorConfiguration.Load(path, environment: TestEnvironment.Empty);

        Assert.Equal(10, options.Apps.Count);
        Assert.Equal(330, options.FunctionTimeoutSeconds);
        Assert.Equal("app-9", options.Apps["app-9"].Name);
        Assert.Equal("app-9-primary-unhealthy", Assert.Single(options.Apps["app-9"].AlarmNames));
    }

    [Fact]
    public void Shapes_EveryOptionProperty_IsASettingAndNothingElse()
    {
        Check(typeof(OrchestratorOptions), OrchestratorSettingShapes.Orchestrator);
        Check(typeof(AppOptions), OrchestratorSettingShapes.App, nameof(AppOptions.Name));
        Check(typeof(RegionOptions), OrchestratorSettingShapes.Region);
        Check(typeof(DnsRecordOptions), OrchestratorSettingShapes.Dns);
        Check(typeof(EcsServiceOptions), OrchestratorSettingShapes.Service);
        Check(typeof(WriterControlOptions), OrchestratorSettingShapes.WriterControl);
        Check(typeof(WatchOptions), OrchestratorSettingShapes.Watch, nameof(WatchOptions.Enabled));
        Check(typeof(WatchDnsOptions), OrchestratorSettingShapes.WatchDns, nameof(WatchDnsOptions.Enabled));
    }

    [Fact]
    public void Standard_Regions_AreBotocoresAwsPartition()
    {
        // botocore's partitions.json is the AWS SDK for Python's own list, not ours.
        var start = new ProcessStartInfo("python3")
        {
            ArgumentList = { "-c",
                "import botocore,os,json;d=json.load(open(os.path.join(os.path.dirname(botocore.__file__),'data','partitions.json')));"
                + "print(json.dumps(sorted(r for p in d['partitions'] if p['id']=='aws' for r in p['regions'] if not "
                + "r.endswith('-global'))))" },
            RedirectStandardOutput = true,
        };
        using var python = Process.Start(start)!;
        var output = python.StandardOutput.ReadToEnd();
        python.WaitForExit();

        Assert.Equal(0, python.ExitCode);
        Assert.Equal(JsonSerializer.Deserialize<List<string>>(output), AwsRegions.Standard.Order(StringComparer.Ordinal));
    }

    private static void Check(Type type, SettingShape shape, params string[] notSettings)
    {
        var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => p.Name).Except(notSettings)
            .Order(StringComparer.Ordinal);

        Assert.Equal(properties, shape.Members!.Keys.Order(StringComparer.Ordinal));
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static string TenApps()
    {
        var sample = JsonDocument.Parse(File.ReadAllText(TestConfig.ConfigPath)).RootElement.GetProperty("Orchestrator");
        var shop = sample.GetProperty("Apps").GetProperty("shop").GetRawText();
        var apps = Enumerable.Range(0, 10)
            .Select(i => $"\"app-{i}\": {shop.Replace("shop-primary-unhealthy", $"app-{i}-primary-unhealthy", StringComparison.Ordinal)}");
        return $$"""{ "Orchestrator": { "Region": "us-west-2", "Apps": { {{string.Join(",\n", apps)}} } } }""";
    }
}
