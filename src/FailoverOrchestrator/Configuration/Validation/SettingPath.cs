using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;

namespace FailoverOrchestrator.Configuration.Validation;

/// <summary>
/// The setting a validation message names, written as the configuration writes it (<c>Orchestrator:Apps:shop:Dns:Ttl</c>,
/// <c>...:Services:0:Cluster</c>) rather than as the generated validators join it (<c>...shop.Dns.Ttl</c>,
/// <c>...Services[0].Cluster</c>). The validators are given a path in configuration form for the root and for each
/// map entry (an app, a region); only the members and list indexes they append are rewritten.
/// </summary>
internal static partial class SettingPath
{
    /// <summary>The path of the member being validated.</summary>
    public static string Of(ValidationContext context) => FromDisplayName(context.DisplayName);

    /// <summary>Rewrites <c>.Member</c> as <c>:Member</c> and <c>[i]</c> as <c>:i</c>.</summary>
    public static string FromDisplayName(string displayName) =>
        Index().Replace(Member().Replace(displayName, ":$1"), ":$1");

    // A member is a C# property name, so it starts with a capital; map keys (app names, regions) are lower case.
    [GeneratedRegex(@"\.([A-Z][A-Za-z0-9]*)")]
    private static partial Regex Member();

    [GeneratedRegex(@"\[([0-9]+)\]")]
    private static partial Regex Index();
}
