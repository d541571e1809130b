using System.Globalization;
using System.Xml.Linq;
using FailoverOrchestrator.Aws.Http;

namespace FailoverOrchestrator.Aws.Route53;

/// <summary>Reads the Route 53 answers we use; anything missing is a <see cref="FormatException"/>.</summary>
internal static class Route53ResponseReader
{
    public static ChangeInfo ChangeInfo(string body, string rootName)
    {
        var info = AwsXml.RequiredChild(AwsXml.ExpectRoot(body, rootName), "ChangeInfo");
        var submittedAt =
            DateTimeOffset.Parse(AwsXml.Required(info, "SubmittedAt"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
        return new ChangeInfo(Route53Ids.Change(AwsXml.Required(info, "Id")), AwsXml.Required(info, "Status"), submittedAt);
    }

    public static IReadOnlyList<ResourceRecordSet> ResourceRecordSets(string body)
    {
        var root = AwsXml.ExpectRoot(body, "ListResourceRecordSetsResponse");
        return AwsXml.Children(AwsXml.RequiredChild(root, "ResourceRecordSets"), "ResourceRecordSet")
            .Select(ResourceRecordSet)
            .ToList();
    }

    public static HealthCheckStatus HealthCheckStatus(string body)
    {
        var root = AwsXml.ExpectRoot(body, "GetHealthCheckStatusResponse");
        var observations = AwsXml.Children(AwsXml.RequiredChild(root, "HealthCheckObservations"), "HealthCheckObservation")
            .Select(o => new HealthCheckObservation(
                AwsXml.Optional(o, "Region") ?? string.Empty,
                AwsXml.Optional(o, "IPAddress") ?? string.Empty,
                AwsXml.Required(AwsXml.RequiredChild(o, "StatusReport"), "Status")))
            .ToList();
        return new HealthCheckStatus(observations);
    }

    private static ResourceRecordSet ResourceRecordSet(XElement set)
    {
        var ttl = AwsXml.Optional(set, "TTL");
        var values = AwsXml.Child(set, "ResourceRecords") is { } records
            ? AwsXml.Children(records, "ResourceRecord").Select(r => AwsXml.Required(r, "Value")).ToList()
            : [];
        return new ResourceRecordSet(
            AwsXml.Required(set, "Name"),
            AwsXml.Required(set, "Type"),
            AwsXml.Child(set, "AliasTarget") is { } alias ? AliasTarget(alias) : null,
            ttl is null ? null : long.Parse(ttl, NumberStyles.None, CultureInfo.InvariantCulture),
            values)
        {
            SetIdentifier = AwsXml.Optional(set, "SetIdentifier"),
        };
    }

    private static AliasTarget AliasTarget(XElement alias)
    {
        var evaluate = AwsXml.Required(alias, "EvaluateTargetHealth");
        return new AliasTarget(
            AwsXml.Required(alias, "HostedZoneId"),
            AwsXml.Required(alias, "DNSName"),
            evaluate switch
            {
                "true" => true,
                "false" => false,
                _ => throw new FormatException($"EvaluateTargetHealth is '{evaluate}', not a boolean."),
            });
    }
}
