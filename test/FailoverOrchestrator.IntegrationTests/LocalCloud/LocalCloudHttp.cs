using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using FailoverOrchestrator.LocalCloud;

namespace FailoverOrchestrator.IntegrationTests.LocalCloud;

/// <summary>Plain HTTP calls to LocalCloud with a dummy SigV4 Authorization header (LocalCloud reads its scope, not its
/// signature).</summary>
internal sealed class LocalCloudHttp(LocalCloudServer server) : IDisposable
{
    private static readonly XNamespace Route53Ns = "https://route53.amazonaws.com/doc/2013-04-01/";
    private readonly HttpClient _http = new() { BaseAddress = server.Endpoint };

    public static XName R53(string name) => Route53Ns + name;

    public static string Authorization(string region, string service) =>
        $"AWS4-HMAC-SHA256 Credential=AKIDTEST/20240101/{region}/{service}/aws4_request, SignedHeaders=host;x-amz-date, Signature=00";

    public async Task<(int Status, XElement Body)> Route53Async(HttpMethod method, string path, string? xml = null)
    {
        using var request = new HttpRequestMessage(method, path.TrimStart('/'));
        request.Headers.TryAddWithoutValidation("Authorization", Authorization("us-east-1", "route53"));
        if (xml is not null)
        {
            request.Content = new StringContent(xml, Encoding.UTF8, "application/xml");
        }

        using var response = await _http.SendAsync(request);
        return ((int)response.StatusCode, XElement.Parse(await response.Content.ReadAsStringAsync()));
    }

    public Task<(int Status, XElement Body)> ChangeRecordsAsync(string zoneId, params string[] changes) =>
        Route53Async(HttpMethod.Post, $"2013-04-01/hostedzone/{zoneId}/rrset",
            $"""<?xml version="1.0" encoding="UTF-8"?><ChangeResourceRecordSetsRequest xmlns="{Route53Ns.NamespaceName}"><ChangeBatch><Changes>{string.Concat(changes)}</Changes></ChangeBatch></ChangeResourceRecordSetsRequest>""");

    public static string Change(string action, string name, string type, long ttl, string value) =>
        $"<Change><Action>{action}</Action><ResourceRecordSet><Name>{name}</Name><Type>{type}</Type><TTL>{ttl}</TTL>"
        + $"<ResourceRecords><ResourceRecord><Value>{value}</Value></ResourceRecord></ResourceRecords></ResourceRecordSet></Change>";

    public async Task<(int Status, JsonObject Body)> EcsAsync(string region, string operation, string json)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, string.Empty)
        {
            Content = new StringContent(json, Encoding.UTF8),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-amz-json-1.1");
        request.Headers.TryAddWithoutValidation("Authorization", Authorization(region, "ecs"));
        request.Headers.TryAddWithoutValidation("X-Amz-Target", "AmazonEC2ContainerServiceV20141113." + operation);
        using var response = await _http.SendAsync(request);
        return ((int)response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject());
    }

    public async Task<(int Status, XElement Body)> SnsAsync(string region, IDictionary<string, string> form, bool signed = true)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, string.Empty) { Content = new FormUrlEncodedContent(form) };
        if (signed)
        {
            request.Headers.TryAddWithoutValidation("Authorization", Authorization(region, "sns"));
        }

        using var response = await _http.SendAsync(request);
        return ((int)response.StatusCode, XElement.Parse(await response.Content.ReadAsStringAsync()));
    }

    public void Dispose() => _http.Dispose();
}
