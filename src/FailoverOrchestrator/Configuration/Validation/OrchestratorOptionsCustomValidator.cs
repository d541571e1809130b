using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace FailoverOrchestrator.Configuration.Validation;

/// <summary>
/// The rules that relate settings to each other (the single-value rules are attributes on the options, checked by the
/// generated validators): an app's regions and record against its services, its waits against its lease and the
/// function's timeout, its replication and watch against the same, its routing controls, and the apps against each other.
/// </summary>
internal sealed partial class OrchestratorOptionsCustomValidator : IValidateOptions<OrchestratorOptions>
{
    public ValidateOptionsResult Validate(string? name, OrchestratorOptions options)
    {
        var root = string.IsNullOrEmpty(name) ? OrchestratorOptions.SectionName : name;
        var errors = new List<string>();
        foreach (var (appName, app) in options.Apps)
        {
            ValidateApp(errors, $"{root}:Apps:{appName}", appName, app, new Timeout(root, options.FunctionTimeoutSeconds));
        }

        ValidateAlarmOwners(errors, root, options);
        ValidateHome(errors, root, options);
        var builder = new ValidateOptionsResultBuilder();
        foreach (var error in errors)
        {
            builder.AddError(error);
        }

        return builder.Build();
    }

    private static void ValidateApp(List<string> errors, string at, string name, AppOptions app, Timeout timeout)
    {
        if (!AppNamePattern().IsMatch(name))
        {
            errors.Add($"{at}: app name '{name}' must be 1-64 characters of a-z, 0-9 and '-'");
        }

        ValidateRegions(errors, at, app);
        ValidateDns(errors, $"{at}:Dns", app.Dns);
        ValidateRoutingControl(errors, at, app);
        ValidateWatch(errors, $"{at}:Watch", app.Watch, timeout);
        ValidateWatchDns(errors, $"{at}:Watch", app);
        ValidateTimings(errors, at, app, timeout);
        ValidateReplication(errors, $"{at}:Replication", app, timeout);
    }

    private static void ValidateAlarmOwners(List<string> errors, string root, OrchestratorOptions options)
    {
        var owners = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, app) in options.Apps)
        {
            foreach (var alarm in app.AlarmNames.Where(a => !string.IsNullOrWhiteSpace(a)))
            {
                if (owners.TryGetValue(alarm, out var other) && other != name)
                {
                    errors.Add($"{root}:Apps:{name}:AlarmNames: alarm '{alarm}' is also configured for app '{other}'; " +
                        "an alarm must name one app");
                }

                owners[alarm] = name;
            }
        }
    }

    /// <summary>
    /// The orchestrator of an app that switches on a data plane must not share the fate of the app's primary region:
    /// its function and state table (<c>Orchestrator:Region</c>, by default the function's own region) run elsewhere.
    /// </summary>
    private static void ValidateHome(List<string> errors, string root, OrchestratorOptions options)
    {
        foreach (var (name, app) in options.Apps)
        {
            if (app.Dns.Strategy == DnsStrategy.RoutingControl && !string.IsNullOrWhiteSpace(options.Region)
                && options.Region == app.PrimaryRegion)
            {
                errors.Add($"{root}:Region: the state table (and the function beside it) is in {options.Region}, the primary region of " +
                    $"app '{name}', whose traffic switch is RoutingControl so that it needs nothing in the primary region: an outage " +
                    "there would take the orchestrator down with the app. Deploy the function and its tables in the standby region " +
                    $"({app.StandbyRegion}) or a third region");
            }
        }
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,63}$")]
    private static partial Regex AppNamePattern();

    /// <summary>The function's timeout and the setting that holds it, as the messages name it.</summary>
    private readonly record struct Timeout(string Root, int Seconds)
    {
        public override string ToString() => $"{Root}:FunctionTimeoutSeconds ({Seconds})";
    }
}
