using System.Text;
using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Signing;
using FailoverOrchestrator.LocalCloud;

namespace FailoverOrchestrator.IntegrationTests.LocalCloud;

/// <summary>Requests signed by AWSSDK.Core's SigV4 handler, as the orchestrator's own clients send them, are served per region.</summary>
public sealed class SignedClientTests : IAsyncDisposable
{
    private readonly LocalCloudSut _sut = new();

    public ValueTask DisposeAsync() => _sut.DisposeAsync();

    [Fact]
    public async Task SendAsync_SignedBySigV4SigningHandler_ServedInTheSigningRegion()
    {
        _sut.Server.Ecs.AddService("eu-central-1", "app", "web", 3, 3);
        using var http = new HttpClient(new SigV4SigningHandler(
            new BasicAWSCredentials("AKIDLOCALCLOUD", "local-cloud-secret"), RegionEndpoint.EUCentral1, "ecs", new HttpClientHandler()))
        {
            BaseAddress = _sut.Server.Endpoint,
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, string.Empty)
        {
            Content = new StringContent("""{"cluster":"app","services":["web"]}""", Encoding.UTF8, "application/x-amz-json-1.1"),
        };
        request.Headers.Add("X-Amz-Target", "AmazonEC2ContainerServiceV20141113.DescribeServices");

        using var response = await http.SendAsync(request);

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Contains("\"runningCount\":3", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("eu-central-1", _sut.Server.Calls.Snapshot().Single().Region);
    }
}
