using Microsoft.Extensions.Options;

namespace FailoverOrchestrator.Configuration.Validation;

/// <summary>
/// Runs every validator of the options, as the options factory would: the generated ones over the tree (the root, each
/// app and each of its two regions: the generator does not enumerate maps), then the cross-field rules. Each failure
/// names its setting as <c>Orchestrator:Path</c>.
/// </summary>
internal static class OrchestratorOptionsValidation
{
    public static List<string> Validate(OrchestratorOptions options)
    {
        const string Root = OrchestratorOptions.SectionName;
        var failures = new List<string>();
        Collect(failures, new OrchestratorOptionsValidator().Validate(Root, options));
        foreach (var (name, app) in options.Apps)
        {
            var at = $"{Root}:Apps:{name}";
            Collect(failures, new AppOptionsValidator().Validate(at, app));

            // A region that is neither the primary nor the standby is refused as such, not checked setting by setting.
            foreach (var (region, settings) in app.Regions.Where(r => r.Key == app.PrimaryRegion || r.Key == app.StandbyRegion))
            {
                Collect(failures, new RegionOptionsValidator().Validate($"{at}:Regions:{region}", settings));
            }
        }

        Collect(failures, new OrchestratorOptionsCustomValidator().Validate(Root, options));
        return failures;
    }

    private static void Collect(List<string> failures, ValidateOptionsResult result)
    {
        if (result.Failed)
        {
            failures.AddRange(result.Failures);
        }
    }
}
