using System.Globalization;
using System.Xml.Linq;
using FailoverOrchestrator.LocalCloud.Http;

namespace FailoverOrchestrator.LocalCloud.Route53;

/// <summary>Reads and writes <c>ResourceRecordSet</c> elements of the Route 53 2013-04-01 API.</summary>
internal static class RecordSetXml
{
    public static readonly XNamespace Ns = "https://route53.amazonaws.com/doc/2013-04-01/";

    public static RecordSet Read(XElement element)
    {
        var alias = element.Element(Ns + "AliasTarget");
        return new RecordSet
        {
            Name = DnsName.Normalize(Required(element, "Name")),
            Type = Required(element, "Type"),
            SetIdentifier = Optional(element, "SetIdentifier"),
            Weight = Number(element, "Weight"),
            Region = Optional(element, "Region"),
            Failover = Optional(element, "Failover"),
            Ttl = Number(element, "TTL"),
            Values = element.Element(Ns + "ResourceRecords")?.Elements(Ns + "ResourceRecord")
                .Select(r => Required(r, "Value")).ToList() ?? [],
            AliasTarget = alias is null ? null : new RecordAlias(
                Required(alias, "HostedZoneId"),
                DnsName.Normalize(Required(alias, "DNSName")),
                Boolean(Required(alias, "EvaluateTargetHealth"))),
            HealthCheckId = Optional(element, "HealthCheckId"),
        };
    }

    public static XElement Write(RecordSet record)
    {
        // Element order follows the API's schema, as Route 53 writes it.
        var element =
            new XElement(Ns + "ResourceRecordSet", new XElement(Ns + "Name", record.Name), new XElement(Ns + "Type", record.Type));
        AddIfSet(element, "SetIdentifier", record.SetIdentifier);
        AddIfSet(element, "Weight", record.Weight?.ToString(CultureInfo.InvariantCulture));
        AddIfSet(element, "Region", record.Region);
        AddIfSet(element, "Failover", record.Failover);
        AddIfSet(element, "TTL", record.Ttl?.ToString(CultureInfo.InvariantCulture));
        if (record.Values.Count > 0)
        {
            element.Add(new XElement(Ns + "ResourceRecords",
                record.Values.Select(v => new XElement(Ns + "ResourceRecord", new XElement(Ns + "Value", v)))));
        }

        if (record.AliasTarget is { } alias)
        {
            element.Add(new XElement(Ns + "AliasTarget",
                new XElement(Ns + "HostedZoneId", alias.HostedZoneId),
                new XElement(Ns + "DNSName", alias.DnsName),
                new XElement(Ns + "EvaluateTargetHealth", alias.EvaluateTargetHealth ? "true" : "false")));
        }

        AddIfSet(element, "HealthCheckId", record.HealthCheckId);
        return element;
    }

    public static string Required(XElement parent, string name) =>
        Optional(parent, name) ?? throw InvalidInput($"Invalid XML ; missing required element {name} in {parent.Name.LocalName}");

    public static string? Optional(XElement parent, string name) => parent.Element(Ns + name)?.Value.Trim();

    public static ServiceErrorException InvalidInput(string message) => ServiceErrorException.BadRequest("InvalidInput", message);

    private static long? Number(XElement parent, string name) =>
        Optional(parent, name) is not { } text
            ? null
            : long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
                ? value
                : throw InvalidInput($"Invalid XML ; value '{text}' of {name} is not a valid non-negative integer");

    private static bool Boolean(string text) => text switch
    {
        "true" => true,
        "false" => false,
        _ => throw InvalidInput($"Invalid XML ; value '{text}' of EvaluateTargetHealth is not a valid boolean"),
    };

    private static void AddIfSet(XElement parent, string name, string? value)
    {
        if (value is not null)
        {
            parent.Add(new XElement(Ns + name, value));
        }
    }
}
