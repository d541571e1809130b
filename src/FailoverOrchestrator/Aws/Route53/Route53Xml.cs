using System.Globalization;
using System.Text;
using System.Xml;

namespace FailoverOrchestrator.Aws.Route53;

/// <summary>Writes the ChangeResourceRecordSets body in the element order of the Route 53 API (and of the official SDKs).</summary>
internal static class Route53Xml
{
    public const string Namespace = "https://route53.amazonaws.com/doc/2013-04-01/";

    public static string ChangeResourceRecordSetsRequest(ChangeBatch batch)
    {
        var text = new StringBuilder("""<?xml version="1.0" encoding="UTF-8"?>""");
        var settings = new XmlWriterSettings { OmitXmlDeclaration = true, Indent = false };
        using (var writer = XmlWriter.Create(text, settings))
        {
            writer.WriteStartElement("ChangeResourceRecordSetsRequest", Namespace);
            writer.WriteStartElement("ChangeBatch", Namespace);
            writer.WriteStartElement("Changes", Namespace);
            foreach (var change in batch.Changes)
            {
                writer.WriteStartElement("Change", Namespace);
                writer.WriteElementString("Action", Namespace, ActionName(change.Action));
                WriteRecordSet(writer, change.RecordSet);
                writer.WriteEndElement();
            }

            writer.WriteEndElement();
            if (batch.Comment is not null)
            {
                writer.WriteElementString("Comment", Namespace, batch.Comment);
            }

            writer.WriteEndElement();
            writer.WriteEndElement();
        }

        return text.ToString();
    }

    private static void WriteRecordSet(XmlWriter writer, ResourceRecordSet set)
    {
        writer.WriteStartElement("ResourceRecordSet", Namespace);
        writer.WriteElementString("Name", Namespace, set.Name);
        writer.WriteElementString("Type", Namespace, set.Type);
        if (set.SetIdentifier is not null)
        {
            writer.WriteElementString("SetIdentifier", Namespace, set.SetIdentifier);
        }

        if (set.Ttl is { } ttl)
        {
            writer.WriteElementString("TTL", Namespace, ttl.ToString(CultureInfo.InvariantCulture));
        }

        if (set.ResourceRecords.Count > 0)
        {
            writer.WriteStartElement("ResourceRecords", Namespace);
            foreach (var value in set.ResourceRecords)
            {
                writer.WriteStartElement("ResourceRecord", Namespace);
                writer.WriteElementString("Value", Namespace, value);
                writer.WriteEndElement();
            }

            writer.WriteEndElement();
        }

        if (set.AliasTarget is { } alias)
        {
            writer.WriteStartElement("AliasTarget", Namespace);
            writer.WriteElementString("HostedZoneId", Namespace, alias.HostedZoneId);
            writer.WriteElementString("DNSName", Namespace, alias.DnsName);
            writer.WriteElementString("EvaluateTargetHealth", Namespace, alias.EvaluateTargetHealth ? "true" : "false");
            writer.WriteEndElement();
        }

        writer.WriteEndElement();
    }

    private static string ActionName(ChangeAction action) => action switch
    {
        ChangeAction.Create => "CREATE",
        ChangeAction.Delete => "DELETE",
        ChangeAction.Upsert => "UPSERT",
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, "Unknown change action."),
    };
}
