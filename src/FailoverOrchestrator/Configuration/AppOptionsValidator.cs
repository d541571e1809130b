using System.Text.RegularExpressions;

namespace FailoverOrchestrator.Configuration;

/// <summary>Checks one app's settings against each other and against what AWS accepts.</summary>
internal static partial class AppOptionsValidator
{
    /// <summary>Seconds of one invocation kept for the calls around the waits (preflight, writer, notify, audit, checkpoints).</summary>
    public const int WaitReserveSeconds = 10;

    public static void Validate(List<string> errors, string at, string name, AppOptions app, int functionTimeoutSeconds)
    {
        if (!AppNamePattern().IsMatch(name))
        {
            errors.Add($"{at}: app name '{name}' must be 1-64 characters of a-z, 0-9 and '-'");
        }

        ValidateRegions(errors, at, app);
        if (!AccountPattern().IsMatch(app.AccountId))
        {
            errors.Add($"{at}:AccountId: '{app.AccountId}' is not a 12-digit AWS account id");
        }

        if (app.AlarmNames.Count == 0 || app.AlarmNames.Any(string.IsNullOrWhiteSpace))
        {
            errors.Add($"{at}:AlarmNames: name at least one alarm that means the primary is down, with no empty entry");
        }

        if (string.IsNullOrWhiteSpace(app.AlarmRegion))
        {
            errors.Add($"{at}:AlarmRegion: name the region of the alarms (us-east-1 for Route 53 health-check alarms)");
        }
        else if (AwsRegions.Problem(app.AlarmRegion) is { } alarmRegion)
        {
            errors.Add($"{at}:AlarmRegion: {alarmRegion}");
        }

        DnsOptionsValidator.Validate(errors, $"{at}:Dns", app.Dns);
        RoutingControlOptionsValidator.Validate(errors, at, app);
        WatchOptionsValidator.Validate(errors, at, app.Watch, functionTimeoutSeconds);
        WatchDnsOptionsValidator.Validate(errors, at, app);
        OrchestratorOptionsValidator.Require(errors, $"{at}:WriterControl:TableName", app.WriterControl.TableName);
        OrchestratorOptionsValidator.Require(errors, $"{at}:WriterControl:Key", app.WriterControl.Key);
        if (TopicArnPattern().Match(app.TopicArn) is not { Success: true } topic)
        {
            errors.Add($"{at}:TopicArn: '{app.TopicArn}' is not an SNS topic ARN (arn:aws:sns:<region>:<account>:<name>)");
        }
        else if (topic.Groups["partition"].Value != "aws")
        {
            errors.Add($"{at}:TopicArn: partition '{topic.Groups["partition"].Value}' is not supported; only the aws partition's endpoints are called");
        }
        else if (AwsRegions.Problem(topic.Groups["region"].Value) is { } problem)
        {
            errors.Add($"{at}:TopicArn: {problem}");
        }

        ValidateTimings(errors, at, app, functionTimeoutSeconds);
        ReplicationOptionsValidator.Validate(errors, $"{at}:Replication", app, functionTimeoutSeconds);
    }

    private static void ValidateRegions(List<string> errors, string at, AppOptions app)
    {
        foreach (var (setting, region) in new[] { ("PrimaryRegion", app.PrimaryRegion), ("StandbyRegion", app.StandbyRegion) })
        {
            if (AwsRegions.Problem(region) is { } problem)
            {
                errors.Add($"{at}:{setting}: {problem}");
            }
            else if (!app.Regions.ContainsKey(region))
            {
                errors.Add($"{at}:Regions:{region}: the {setting} has no settings under Regions");
            }
        }

        if (app.PrimaryRegion == app.StandbyRegion && app.PrimaryRegion.Length > 0)
        {
            errors.Add($"{at}:StandbyRegion: '{app.StandbyRegion}' is also the PrimaryRegion; a failover needs two regions");
        }

        foreach (var (region, settings) in app.Regions)
        {
            if (region != app.PrimaryRegion && region != app.StandbyRegion)
            {
                errors.Add($"{at}:Regions:{region}: neither the PrimaryRegion nor the StandbyRegion");
                continue;
            }

            RegionOptionsValidator.Validate(errors, $"{at}:Regions:{region}", settings, app.Dns.RecordType);
        }
    }

    private static void ValidateTimings(List<string> errors, string at, AppOptions app, int functionTimeoutSeconds)
    {
        if (app.LeaseSeconds < 10)
        {
            errors.Add($"{at}:LeaseSeconds: {app.LeaseSeconds} is below the 10 seconds a step needs");
        }
        else if (app.LeaseSeconds >= functionTimeoutSeconds)
        {
            errors.Add($"{at}:LeaseSeconds: {app.LeaseSeconds} must be shorter than Orchestrator:FunctionTimeoutSeconds ({functionTimeoutSeconds}), so that the lease of an invocation that timed out has expired when Lambda retries it");
        }

        // The lease is renewed at each checkpoint, so each wait must fit inside one lease.
        if (app.EcsWaitSeconds < 1 || app.EcsWaitSeconds >= app.LeaseSeconds)
        {
            errors.Add($"{at}:EcsWaitSeconds: {app.EcsWaitSeconds} must be at least 1 and shorter than LeaseSeconds ({app.LeaseSeconds})");
        }

        if (app.HealthWaitSeconds < 1 || app.HealthWaitSeconds >= app.LeaseSeconds)
        {
            errors.Add($"{at}:HealthWaitSeconds: {app.HealthWaitSeconds} must be at least 1 and shorter than LeaseSeconds ({app.LeaseSeconds})");
        }

        if (app.DnsWaitSeconds < 1 || app.DnsWaitSeconds >= app.LeaseSeconds)
        {
            errors.Add($"{at}:DnsWaitSeconds: {app.DnsWaitSeconds} must be at least 1 and shorter than LeaseSeconds ({app.LeaseSeconds})");
        }

        // One invocation waits for tasks, then health, then DNS: together they must end before Lambda stops it, with
        // the reserve the steps keep for their own calls and the checkpoint.
        var waits = app.EcsWaitSeconds + app.HealthWaitSeconds + app.DnsWaitSeconds;
        if (waits + WaitReserveSeconds > functionTimeoutSeconds)
        {
            errors.Add($"{at}:EcsWaitSeconds, HealthWaitSeconds, DnsWaitSeconds: together {waits} s, plus {WaitReserveSeconds} s for the calls around them, do not fit in Orchestrator:FunctionTimeoutSeconds ({functionTimeoutSeconds}); shorten a wait or raise the function's timeout");
        }

        if (app.CooldownSeconds < 0)
        {
            errors.Add($"{at}:CooldownSeconds: {app.CooldownSeconds} is negative");
        }

        if (app.RunningShare is <= 0 or > 1 || double.IsNaN(app.RunningShare))
        {
            errors.Add($"{at}:RunningShare: {app.RunningShare} must be above 0 and at most 1");
        }

        if (app.MaxAttempts is < 1 or > 10)
        {
            errors.Add($"{at}:MaxAttempts: {app.MaxAttempts} must be between 1 and 10");
        }
    }


    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,63}$")]
    private static partial Regex AppNamePattern();

    [GeneratedRegex("^[0-9]{12}$")]
    private static partial Regex AccountPattern();

    [GeneratedRegex("^arn:(?<partition>aws[a-z-]*):sns:(?<region>[a-z0-9-]+):[0-9]{12}:[A-Za-z0-9_-]{1,256}$")]
    private static partial Regex TopicArnPattern();
}
