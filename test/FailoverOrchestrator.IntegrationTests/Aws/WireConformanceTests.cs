using System.Net;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using Xunit.Abstractions;

namespace FailoverOrchestrator.IntegrationTests.Aws;

/// <summary>
/// Sends every operation through the official AWS SDK for JavaScript v3 and through our clients, at a capture
/// server, with the same credentials and signing time, and compares what arrives.
/// </summary>
public sealed class WireConformanceTests : IClassFixture<WireCaptureFixture>
{
    // Headers every signature must cover on both sides.
    private static readonly string[] RequiredSignedHeaders = ["host", "x-amz-date", "x-amz-content-sha256", "x-amz-security-token"];

    private readonly ITestOutputHelper _output;
    private readonly WireCaptureFixture _captured;

    public WireConformanceTests(WireCaptureFixture captured, ITestOutputHelper output)
    {
        _captured = captured;
        _output = output;
    }

    public static TheoryData<string> CaseIds => new(WireCases.All.Select(c => c.Id));

    [Theory]
    [MemberData(nameof(CaseIds))]
    public void Request_SameInput_MatchesOfficialSdkOnTheWire(string id)
    {
        var (sdk, ours) = (_captured.Requests[id].Sdk, _captured.Requests[id].Ours);

        Assert.Equal(sdk.Method, ours.Method);
        Assert.Equal(sdk.Path, ours.Path);
        Assert.Equal(QueryPairs(sdk.Query), QueryPairs(ours.Query));
        Assert.Equal(sdk.Header("content-type"), ours.Header("content-type"));
        Assert.Equal(sdk.Header("x-amz-target"), ours.Header("x-amz-target"));
        AssertSameBody(sdk, ours);
        _output.WriteLine(
            $"{id}: {ours.Method} {ours.RawUrl}; url byte-equal: {sdk.RawUrl == ours.RawUrl}; body byte-equal: {sdk.Body == ours.Body}");
    }

    [Theory]
    [MemberData(nameof(CaseIds))]
    public void Signature_SameCredentialsDateAndHeaders_MatchesOfficialSdk(string id)
    {
        var (sdk, ours) = (_captured.Requests[id].Sdk, _captured.Requests[id].Ours);
        var sdkAuth = SigV4Reference.ParseAuthorization(sdk.Header("authorization")!);
        var ourAuth = SigV4Reference.ParseAuthorization(ours.Header("authorization")!);

        // Scope: same key, date, region and service.
        Assert.Equal((sdkAuth.AccessKey, sdkAuth.Date, sdkAuth.Region, sdkAuth.Service),
            (ourAuth.AccessKey, ourAuth.Date, ourAuth.Region, ourAuth.Service));
        Assert.Equal(sdk.Header("x-amz-date"), ours.Header("x-amz-date"));
        Assert.Equal(sdk.Header("x-amz-content-sha256"), ours.Header("x-amz-content-sha256"));
        Assert.Equal(WireCaptureFixture.SessionToken, ours.Header("x-amz-security-token"));

        // Each side's signature is exactly the reference SigV4 over its own signed headers...
        Assert.Equal(sdkAuth.Signature,
            SigV4Reference.Sign(sdk, sdkAuth.SignedHeaders, WireCaptureFixture.SecretKey, sdkAuth.Region, sdkAuth.Service));
        Assert.Equal(ourAuth.Signature,
            SigV4Reference.Sign(ours, ourAuth.SignedHeaders, WireCaptureFixture.SecretKey, ourAuth.Region, ourAuth.Service));

        // ...and over the headers both sign, the two canonical requests and signatures are identical.
        var common = sdkAuth.SignedHeaders.Intersect(ourAuth.SignedHeaders).ToList();
        Assert.Empty(RequiredSignedHeaders.Except(common));
        Assert.Equal(SigV4Reference.CanonicalRequest(sdk, common), SigV4Reference.CanonicalRequest(ours, common));
        Assert.Equal(SigV4Reference.Sign(sdk, common, WireCaptureFixture.SecretKey, sdkAuth.Region, sdkAuth.Service),
            SigV4Reference.Sign(ours, common, WireCaptureFixture.SecretKey, ourAuth.Region, ourAuth.Service));
        _output.WriteLine(
            $"{id}: common signed headers {string.Join(';', common)}; SDK only {string.Join(';', sdkAuth.SignedHeaders.Except(common))}; "
            + $"ours only {string.Join(';', ourAuth.SignedHeaders.Except(common))}");
    }

    [Theory]
    [MemberData(nameof(CaseIds))]
    public void Signature_OfficialSdkSigningOurHeaderSet_IsByteIdentical(string id)
    {
        var capture = _captured.Requests[id];

        // The official SDK's own signer, over the same headers, credentials and date, writes our Authorization header.
        Assert.Equal(capture.SdkOnOurHeaders.Header("authorization"), capture.Ours.Header("authorization"));
        Assert.All(WireCaptureFixture.SdkOnlyHeaders, h => Assert.DoesNotContain(h, capture.SdkOnOurHeaders.Headers.Keys));
    }

    private static void AssertSameBody(CapturedRequest sdk, CapturedRequest ours)
    {
        switch (sdk.Header("content-type"))
        {
            case "application/xml":
                Assert.True(XNode.DeepEquals(XDocument.Parse(sdk.Body), XDocument.Parse(ours.Body)),
                    $"XML differs:\n{sdk.Body}\n{ours.Body}");
                break;
            case "application/x-amz-json-1.1":
            case "application/x-amz-json-1.0":
                Assert.True(JsonNode.DeepEquals(JsonNode.Parse(sdk.Body), JsonNode.Parse(ours.Body)),
                    $"JSON differs:\n{sdk.Body}\n{ours.Body}");
                break;
            case "application/x-www-form-urlencoded":
                Assert.Equal(QueryPairs(sdk.Body), QueryPairs(ours.Body));
                break;
            default:
                Assert.Equal(string.Empty, sdk.Body);
                Assert.Equal(string.Empty, ours.Body);
                break;
        }
    }

    internal static List<(string Key, string Value)> QueryPairs(string form) =>
        form.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .Select(p => (WebUtility.UrlDecode(p[0]), WebUtility.UrlDecode(p.Length > 1 ? p[1] : string.Empty)))
            .ToList();
}
