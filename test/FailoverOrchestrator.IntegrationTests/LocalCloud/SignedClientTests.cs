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

    [Fact]
    public async Task SendAsync_SigningRegionDark_ConnectionCutAndLoggedWhileOtherRegionsAnswer()
    {
        _sut.Server.Ecs.AddService("us-east-1", "app", "web", 3, 3);
        _sut.Server.Ecs.AddService("us-west-2", "app", "web", 1, 1);
        _sut.Server.Dark.Darken("us-east-1");

        var dark = await Assert.ThrowsAsync<HttpRequestException>(() => DescribeAsync(RegionEndpoint.USEast1));
        using var answered = await DescribeAsync(RegionEndpoint.USWest2);

        Assert.NotNull(dark);
        Assert.Equal(200, (int)answered.StatusCode);
        var cut = Assert.Single(_sut.Server.Calls.Snapshot(), c => c.Region == "us-east-1");
        Assert.Equal((0, "ConnectionRefused", "DescribeServices"), (cut.StatusCode, cut.ErrorCode, cut.Operation));
    }

    private async Task<HttpResponseMessage> DescribeAsync(RegionEndpoint region)
    {
        using var http = new HttpClient(new SigV4SigningHandler(
            new BasicAWSCredentials("AKIDLOCALCLOUD", "local-cloud-secret"), region, "ecs", new HttpClientHandler()))
        {
            BaseAddress = _sut.Server.Endpoint,
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, string.Empty)
        {
            Content = new StringContent("""{"cluster":"app","services":["web"]}""", Encoding.UTF8, "application/x-amz-json-1.1"),
        };
        request.Headers.Add("X-Amz-Target", "AmazonEC2ContainerServiceV20141113.DescribeServices");
        return await http.SendAsync(request);
    }
}
