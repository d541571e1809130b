using System.Text.Json.Nodes;
using FailoverOrchestrator.Aws;
using FailoverOrchestrator.Aws.Http;
using Moq;

namespace FailoverOrchestrator.IntegrationTests.Aws;

/// <summary>
/// Runs every <see cref="WireCases"/> operation once through the official JS SDK and once through our clients at a
/// capture server, with the same credentials and signing time, and keeps the pairs of requests for the tests.
/// </summary>
public sealed class WireCaptureFixture : IAsyncLifetime
{
    internal const string AccessKey = "AKIDEXAMPLE";
    internal const string SecretKey = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    internal const string SessionToken = "IQoJb3JpZ2luX2VjEXAMPLE-session-token";
    internal static readonly DateTime SigningTime = new(2024, 5, 1, 12, 34, 56, DateTimeKind.Utc);

    /// <summary>
    /// Headers the JS SDK signs and our clients do not send: its invocation id (random per call), its retry
    /// bookkeeping and its user agent. The .NET signer never signs the first two.
    /// </summary>
    internal static readonly string[] SdkOnlyHeaders = ["amz-sdk-invocation-id", "amz-sdk-request", "x-amz-user-agent"];

    /// <summary>Per case: what the SDK sends, what we send, and what the SDK sends and signs without
    /// <see cref="SdkOnlyHeaders"/>.</summary>
    internal IReadOnlyDictionary<string, WireCapture> Requests { get; private set; } = new Dictionary<string, WireCapture>();

    public async Task InitializeAsync()
    {
        Environment.SetEnvironmentVariable("AWS_EC2_METADATA_DISABLED", "true");
        await using var server = new CaptureServer(WireCases.Respond);
        var sdk = await CaptureSdkRequestsAsync(server, []);
        var sdkOnOurHeaders = await CaptureSdkRequestsAsync(server, SdkOnlyHeaders);
        var ours = await CaptureOurRequestsAsync(server);
        Requests = WireCases.All
            .Select((c, i) => new WireCapture(c.Id, sdk[i], ours[i], sdkOnOurHeaders[i]))
            .ToDictionary(x => x.Id);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static async Task<IReadOnlyList<CapturedRequest>> CaptureSdkRequestsAsync(CaptureServer server, string[] stripBeforeSigning)
    {
        var plan = new JsonObject
        {
            ["endpoint"] = server.Endpoint.ToString().TrimEnd('/'),
            ["time"] = SigningTime.ToString("O"),
            ["credentials"] =
                new JsonObject { ["accessKeyId"] = AccessKey, ["secretAccessKey"] = SecretKey, ["sessionToken"] = SessionToken },
            ["calls"] = new JsonArray(WireCases.All.Select(c => (JsonNode)new JsonObject
            {
                ["id"] = c.Id,
                ["service"] = c.Service,
                ["region"] = c.Region,
                ["operation"] = c.Operation,
                ["input"] = c.SdkInput.DeepClone(),
                ["endpoint"] = new Uri(server.Endpoint, c.EndpointPath).ToString().TrimEnd('/'),
            }).ToArray()),
            ["stripBeforeSigning"] = new JsonArray(stripBeforeSigning.Select(h => (JsonNode)h).ToArray()),
        };

        var results = await NodeSdkRunner.RunAsync(plan, TimeSpan.FromMinutes(2));

        // The SDK must also accept our canned answers, or they are not the official shapes.
        Assert.All(results, r => Assert.True(r["ok"]!.GetValue<bool>(), $"{r["id"]}: {r["error"]}"));
        var requests = server.TakeRequests();
        Assert.Equal(WireCases.All.Count, requests.Count);
        return requests;
    }

    private static async Task<IReadOnlyList<CapturedRequest>> CaptureOurRequestsAsync(CaptureServer server)
    {
        var environment = new Mock<IEnvironmentVariables>();
        environment.Setup(e => e.GetEnvironmentVariable("AWS_ENDPOINT_URL")).Returns(server.Endpoint.ToString());
        using var factory = new AwsClientFactory(new AwsClientSettings
        {
            Credentials = new FixedAwsCredentialSource(AccessKey, SecretKey, SessionToken),
            Environment = environment.Object,
            FixedSigningTime = SigningTime,
        });
        foreach (var wireCase in WireCases.All)
        {
            await wireCase.CallOurs(factory, server.Endpoint);
        }

        var requests = server.TakeRequests();
        Assert.Equal(WireCases.All.Count, requests.Count);
        return requests;
    }
}

/// <summary>The requests of one case.</summary>
internal sealed record WireCapture(string Id, CapturedRequest Sdk, CapturedRequest Ours, CapturedRequest SdkOnOurHeaders);
