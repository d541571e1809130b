using System.Globalization;
using System.Text.Json.Nodes;
using FailoverOrchestrator.Configuration;
using FailoverOrchestrator.Infra.Tests.Templates;

namespace FailoverOrchestrator.Infra.Tests.Binding;

public class EnvironmentBindingTests
{
    private static readonly CfnTemplate Main = CfnTemplate.Load(RepositoryFiles.Template);

    private static JsonObject EnvironmentVariables => Main.Properties("Function")["Environment"]!["Variables"]!.AsObject();

    [Fact]
    public void Explain_EveryTemplateVariable_BindsToAnOption()
    {
        var names = EnvironmentVariables.Where(v => v.Key.StartsWith("Orchestrator__", StringComparison.Ordinal)).ToList();

        var errors = names.Select(v => OptionPathBinder.Explain(v.Key, Intrinsic.Text(v.Value))).OfType<string>();

        Assert.True(names.Count > 20, $"only {names.Count} Orchestrator__ variables");
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
    public void FunctionTimeout_AnyAllowedValue_OutlastsLeaseAndWaits()
    {
        var defaults = new AppOptions();

        var shortestTimeout = Number("FunctionTimeoutSeconds", "MinValue");

        Assert.True(shortestTimeout > Number("LeaseSeconds", "MaxValue"), "the lease must end before the function is killed");
        Assert.True(shortestTimeout > defaults.EcsWaitSeconds + defaults.DnsWaitSeconds, "one invocation must fit both waits");
        Assert.Equal("!Ref LeaseSeconds", Intrinsic.Describe(EnvironmentVariables["Orchestrator__Apps__shop__LeaseSeconds"]));
        Assert.Equal(defaults.LeaseSeconds, Number("LeaseSeconds", "Default"));
    }

    [Fact]
    public void KeySegments_AppAndRegions_AreTheOnlyAllowedParameterValues()
    {
        var apps = EnvironmentVariables.Select(v => v.Key.Split("__")).Where(s => s[1] == "Apps").Select(s => s[2]).ToHashSet();
        var regions = EnvironmentVariables.Select(v => v.Key.Split("__")).Where(s => s.Length > 4 && s[3] == "Regions").Select(s => s[4]).ToHashSet();

        Assert.Equal([OnlyAllowed("AppName")], apps);
        Assert.Equal(new HashSet<string> { OnlyAllowed("PrimaryRegion"), OnlyAllowed("StandbyRegion") }, regions);
        Assert.Equal("!Ref PrimaryRegion", Intrinsic.Describe(EnvironmentVariables["Orchestrator__Apps__shop__PrimaryRegion"]));
        Assert.Equal("!Ref StandbyRegion", Intrinsic.Describe(EnvironmentVariables["Orchestrator__Apps__shop__StandbyRegion"]));
    }

    [Fact]
    public void Environment_EstimatedSize_FitsLambdasFourKilobytes()
    {
        // Lambda refuses more than 4 KB of variables (names plus values). A value from a parameter
        // without a default is counted as 64 characters, from a resource (ARN, id, table name) as 100.
        var size = EnvironmentVariables.Sum(v => v.Key.Length + EstimatedLength(v.Value));

        Assert.True(size < 4096, $"about {size} bytes of environment variables");
    }

    private static int EstimatedLength(JsonNode? value)
    {
        if (Intrinsic.Text(value) is { } literal)
        {
            return literal.Length;
        }

        var name = Intrinsic.Describe(value)["!Ref ".Length..];
        return Main.Parameters[name] is { } parameter
            ? Math.Max(Intrinsic.Text(parameter["Default"])?.Length ?? 64, 16)
            : name.StartsWith("AWS::", StringComparison.Ordinal) ? 16 : 100;
    }

    private static string OnlyAllowed(string parameter)
    {
        var allowed = Assert.Single(Main.Parameters[parameter]!["AllowedValues"]!.AsArray());
        Assert.Equal(Intrinsic.Text(allowed), Intrinsic.Text(Main.Parameters[parameter]!["Default"]));
        return Intrinsic.Text(allowed)!;
    }

    private static int Number(string parameter, string attribute) =>
        int.Parse(Intrinsic.Text(Main.Parameters[parameter]![attribute])!, CultureInfo.InvariantCulture);
}
