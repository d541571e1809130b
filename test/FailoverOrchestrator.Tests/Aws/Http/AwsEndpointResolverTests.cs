using FailoverOrchestrator.Aws.Http;
using Moq;

namespace FailoverOrchestrator.Tests.Aws.Http;

public class AwsEndpointResolverTests
{
    [Theory]
    [InlineData("ecs", "eu-west-1", "https://ecs.eu-west-1.amazonaws.com/")]
    [InlineData("sns", "ap-southeast-2", "https://sns.ap-southeast-2.amazonaws.com/")]
    [InlineData("route53", "eu-west-1", "https://route53.amazonaws.com/")]
    public void Resolve_NoOverride_ReturnsStandardEndpoint(string service, string region, string expected)
    {
        var resolver = CreateSut(new Dictionary<string, string>());

        var uri = resolver.Resolve(Service(service), region);

        Assert.Equal(expected, uri.ToString());
    }

    [Fact]
    public void Resolve_ServiceAndGlobalOverrides_ServiceSpecificWins()
    {
        var resolver = CreateSut(new Dictionary<string, string>
        {
            ["AWS_ENDPOINT_URL"] = "http://127.0.0.1:4000",
            ["AWS_ENDPOINT_URL_ROUTE_53"] = "http://127.0.0.1:5353",
        });

        Assert.Equal("http://127.0.0.1:5353/", resolver.Resolve(AwsServiceEndpoint.Route53, "us-east-1").ToString());
        Assert.Equal("http://127.0.0.1:4000/", resolver.Resolve(AwsServiceEndpoint.Ecs, "eu-west-1").ToString());
        Assert.Equal("http://127.0.0.1:4000/", resolver.Resolve(AwsServiceEndpoint.Sns, "eu-west-1").ToString());
    }

    [Theory]
    [InlineData("AWS_ENDPOINT_URL_ECS", "ecs")]
    [InlineData("AWS_ENDPOINT_URL_SNS", "sns")]
    public void Resolve_ServiceOverride_AppliesToThatServiceOnly(string variable, string service)
    {
        var resolver = CreateSut(new Dictionary<string, string> { [variable] = "http://localhost:9999" });

        Assert.Equal("http://localhost:9999/", resolver.Resolve(Service(service), "eu-west-1").ToString());
        Assert.Equal("https://route53.amazonaws.com/", resolver.Resolve(AwsServiceEndpoint.Route53, "eu-west-1").ToString());
    }

    [Fact]
    public void Resolve_OverrideNotAUrl_ThrowsNamingTheVariable()
    {
        var resolver = CreateSut(new Dictionary<string, string> { ["AWS_ENDPOINT_URL_SNS"] = "localhost:9999" });

        var error = Assert.Throws<InvalidOperationException>(() => resolver.Resolve(AwsServiceEndpoint.Sns, "eu-west-1"));

        Assert.Contains("AWS_ENDPOINT_URL_SNS", error.Message, StringComparison.Ordinal);
    }

    private static AwsServiceEndpoint Service(string name) => name switch
    {
        "ecs" => AwsServiceEndpoint.Ecs,
        "sns" => AwsServiceEndpoint.Sns,
        _ => AwsServiceEndpoint.Route53,
    };

    private static AwsEndpointResolver CreateSut(Dictionary<string, string> variables)
    {
        var environment = new Mock<IEnvironmentVariables>();
        environment.Setup(e => e.GetEnvironmentVariable(It.IsAny<string>()))
            .Returns((string name) => variables.TryGetValue(name, out var value) ? value : null);
        return new AwsEndpointResolver(environment.Object);
    }
}
