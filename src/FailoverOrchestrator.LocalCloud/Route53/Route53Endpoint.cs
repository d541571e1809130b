using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using FailoverOrchestrator.LocalCloud.Http;

namespace FailoverOrchestrator.LocalCloud.Route53;

/// <summary>Route 53's REST-XML API under <c>/2013-04-01/</c>: the operations the orchestrator calls.</summary>
internal sealed class Route53Endpoint(Route53Store store) : IServiceEndpoint
{
    private const string Prefix = "/2013-04-01/";
    private const string ContentType = "text/xml";
    private const int MaxRecordItems = 300;
    private static readonly XNamespace Ns = RecordSetXml.Ns;

    public LocalService Service => LocalService.Route53;

    public AwsProtocol Protocol => AwsProtocol.RestXml;

    public string ThrottlingCode => "Throttling";

    public bool Accepts(LocalRequest request) => request.Path.StartsWith(Prefix, StringComparison.Ordinal);

    public string? OperationOf(LocalRequest request) => (request.Method, Segments(request)) switch
    {
        ("POST", ["hostedzone", _, "rrset"]) => "ChangeResourceRecordSets",
        ("GET", ["hostedzone", _, "rrset"]) => "ListResourceRecordSets",
        ("GET", ["change", _]) => "GetChange",
        ("GET", ["healthcheck", _, "status"]) => "GetHealthCheckStatus",
        _ => null,
    };

    public LocalResponse Handle(LocalRequest request, string operation)
    {
        // Ids come without their /hostedzone/ or /change/ prefix; one that slipped through URL-encoded is cut here.
        var id = Segments(request) is [_, var second, ..] ? Uri.UnescapeDataString(second) : string.Empty;
        id = id[(id.LastIndexOf('/') + 1)..];
        var result = operation switch
        {
            "ChangeResourceRecordSets" => ChangeResourceRecordSets(id, request.Body),
            "ListResourceRecordSets" => ListResourceRecordSets(id, request),
            "GetChange" => new XElement(Ns + "GetChangeResponse", ChangeInfo(store.GetChange(id))),
            "GetHealthCheckStatus" => GetHealthCheckStatus(id),
            _ =>
                throw new ServiceErrorException(
                404, "UnknownOperationException", $"No Route 53 operation answers {request.Method} {request.Path}"),
        };
        return new LocalResponse(200, ContentType, XmlBody.Write(result));
    }

    public LocalResponse Render(ServiceErrorException error, string requestId) =>
        XmlErrorResponse.Render(Ns, error, requestId, ContentType);

    private static string[] Segments(LocalRequest request) =>
        request.Path[Prefix.Length..].Split('/', StringSplitOptions.RemoveEmptyEntries);

    private XElement ChangeResourceRecordSets(string zoneId, string body)
    {
        var (changes, comment) = ReadChangeBatch(body);
        return new XElement(Ns + "ChangeResourceRecordSetsResponse", ChangeInfo(store.ChangeRecords(zoneId, changes, comment)));
    }

    private XElement ListResourceRecordSets(string zoneId, LocalRequest request)
    {
        var name = request.Query["name"];
        var type = request.Query["type"];
        if (type is not null && name is null)
        {
            throw RecordSetXml.InvalidInput("The input is not valid: type requires name");
        }

        var maxText = request.Query["maxitems"];
        var maxItems = MaxRecordItems;
        if (maxText is not null && (!int.TryParse(maxText, NumberStyles.None, CultureInfo.InvariantCulture, out maxItems) || maxItems < 1))
        {
            throw RecordSetXml.InvalidInput(
                $"1 validation error detected: Value '{maxText}' at 'maxItems' failed to satisfy constraint: Member must be a positive "
                + $"integer");
        }

        var page = store.ListRecords(zoneId, name, type, request.Query["identifier"], Math.Min(maxItems, MaxRecordItems));
        var response = new XElement(Ns + "ListResourceRecordSetsResponse",
            new XElement(Ns + "ResourceRecordSets", page.Records.Select(RecordSetXml.Write)),
            new XElement(Ns + "IsTruncated", page.IsTruncated ? "true" : "false"));
        if (page.Next is { } next)
        {
            response.Add(new XElement(Ns + "NextRecordName", next.Name), new XElement(Ns + "NextRecordType", next.Type));
            if (next.SetIdentifier is not null)
            {
                response.Add(new XElement(Ns + "NextRecordIdentifier", next.SetIdentifier));
            }
        }

        response.Add(new XElement(Ns + "MaxItems", page.MaxItems.ToString(CultureInfo.InvariantCulture)));
        return response;
    }

    private XElement GetHealthCheckStatus(string healthCheckId)
    {
        var check = store.GetHealthCheck(healthCheckId);
        var observations = check.CheckerRegions.Select((region, index) => new XElement(Ns + "HealthCheckObservation",
            new XElement(Ns + "Region", region),
            new XElement(Ns + "IPAddress", $"15.177.{index * 8}.{(index * 37 % 250) + 2}"),
            new XElement(Ns + "StatusReport",
                new XElement(Ns + "Status", check.StatusText),
                new XElement(Ns + "CheckedTime", Timestamp(check.CheckedAt)))));
        return new XElement(Ns + "GetHealthCheckStatusResponse", new XElement(Ns + "HealthCheckObservations", observations));
    }

    private static (IReadOnlyList<RecordChange> Changes, string? Comment) ReadChangeBatch(string body)
    {
        XElement root;
        try
        {
            root = XElement.Parse(body);
        }
        catch (XmlException e)
        {
            throw RecordSetXml.InvalidInput($"Invalid XML ; {e.Message}");
        }

        if (root.Name != Ns + "ChangeResourceRecordSetsRequest")
        {
            throw RecordSetXml.InvalidInput(
                $"Invalid XML ; expected ChangeResourceRecordSetsRequest in namespace {Ns.NamespaceName}, found {root.Name}");
        }

        var batch = root.Element(Ns + "ChangeBatch") ?? throw RecordSetXml.InvalidInput("Invalid XML ; missing ChangeBatch");
        var changes = batch.Element(Ns + "Changes")?.Elements(Ns + "Change").Select(ReadChange).ToList() ?? [];
        if (changes.Count == 0)
        {
            throw RecordSetXml.InvalidInput("Invalid XML ; ChangeBatch must contain at least one Change");
        }

        return (changes, RecordSetXml.Optional(batch, "Comment"));
    }

    private static RecordChange ReadChange(XElement change)
    {
        var action = RecordSetXml.Required(change, "Action") switch
        {
            "CREATE" => ChangeAction.Create,
            "DELETE" => ChangeAction.Delete,
            "UPSERT" => ChangeAction.Upsert,
            var other => throw RecordSetXml.InvalidInput($"Invalid XML ; value '{other}' of Action is not one of CREATE, DELETE, UPSERT"),
        };
        var recordSet = change.Element(Ns + "ResourceRecordSet")
            ?? throw RecordSetXml.InvalidInput("Invalid XML ; missing ResourceRecordSet in Change");
        return new RecordChange(action, RecordSetXml.Read(recordSet));
    }

    private static XElement ChangeInfo(ChangeStatus change)
    {
        var info = new XElement(Ns + "ChangeInfo",
            new XElement(Ns + "Id", "/change/" + change.Id),
            new XElement(Ns + "Status", change.Status),
            new XElement(Ns + "SubmittedAt", Timestamp(change.SubmittedAt)));
        if (change.Comment is not null)
        {
            info.Add(new XElement(Ns + "Comment", change.Comment));
        }

        return info;
    }

    private static string Timestamp(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
