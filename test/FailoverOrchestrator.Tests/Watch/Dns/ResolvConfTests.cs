using System.Net;
using FailoverOrchestrator.Watch.Dns;

namespace FailoverOrchestrator.Tests.Watch.Dns;

public sealed class ResolvConfTests
{
    [Fact]
    public void FirstNameserver_CommentsOptionsAndTwoServers_TakesTheFirstOnPort53()
    {
        string[] lines =
            ["# generated", "options timeout:1 attempts:2", "search ec2.internal", "nameserver 169.254.78.1", "nameserver 10.0.0.2"];

        var server = ResolvConf.FirstNameserver(lines);

        Assert.Equal(new IPEndPoint(IPAddress.Parse("169.254.78.1"), 53), server);
    }

    [Fact]
    public void FirstNameserver_NoAddress_IsNull()
    {
        Assert.Null(ResolvConf.FirstNameserver(["search example.com", "nameserver not-an-address"]));
    }
}
