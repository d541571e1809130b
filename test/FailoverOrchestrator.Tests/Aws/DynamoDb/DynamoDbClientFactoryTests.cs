using Amazon.Runtime;
using FailoverOrchestrator.Aws.DynamoDb;

namespace FailoverOrchestrator.Tests.Aws.DynamoDb;

public class DynamoDbClientFactoryTests
{
    [Fact]
    public void CreateConfig_ServiceEndpointVariable_WinsOverGenericAndSignsForRegion()
    {
        var sut =
            CreateSut(new() { ["AWS_ENDPOINT_URL_DYNAMODB"] = "http://127.0.0.1:4567", ["AWS_ENDPOINT_URL"] = "http://127.0.0.1:9999" });

        var config = sut.CreateConfig("eu-west-1");

        Assert.Equal("http://127.0.0.1:4567", config.ServiceURL.TrimEnd('/'));
        Assert.Equal("eu-west-1", config.AuthenticationRegion);
        Assert.Null(config.RegionEndpoint);
    }

    [Fact]
    public void CreateConfig_OnlyGenericEndpointVariable_UsesIt()
    {
        var sut = CreateSut(new() { ["AWS_ENDPOINT_URL"] = "http://127.0.0.1:9999" });

        var config = sut.CreateConfig("us-west-2");

        Assert.Equal("http://127.0.0.1:9999", config.ServiceURL.TrimEnd('/'));
        Assert.Equal("us-west-2", config.AuthenticationRegion);
    }

    [Fact]
    public void CreateConfig_NoEndpointVariable_UsesRegionalEndpointWithModestRetries()
    {
        var sut = CreateSut([]);

        var config = sut.CreateConfig("us-west-2");

        Assert.Equal("us-west-2", config.RegionEndpoint?.SystemName);
        Assert.Equal(DynamoDbClientFactory.DefaultMaxErrorRetry, config.MaxErrorRetry);
        Assert.Equal(RequestRetryMode.Standard, config.RetryMode);
        Assert.Equal(TimeSpan.FromSeconds(3), config.Timeout);
    }

    [Fact]
    public void GetClient_SameRegionTwice_ReturnsSameClient()
    {
        using var sut = CreateSut([]);

        var first = sut.GetClient("us-east-1");

        Assert.Same(first, sut.GetClient("us-east-1"));
        Assert.NotSame(first, sut.GetClient("us-west-2"));
    }

    private static DynamoDbClientFactory CreateSut(Dictionary<string, string> environment) =>
        new(new BasicAWSCredentials("test", "test"), TimeSpan.FromSeconds(3), getEnvironmentVariable: name =>
            environment.GetValueOrDefault(name));
}
