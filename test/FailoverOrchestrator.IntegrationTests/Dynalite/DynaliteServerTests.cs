using System.Net.Sockets;
using FailoverOrchestrator.LocalCloud.Dynalite;

namespace FailoverOrchestrator.IntegrationTests.Dynalite;

public sealed class DynaliteServerTests
{
    [Fact]
    public async Task StartAsync_MissingDynalite_ThrowsSayingWhereItLooked()
    {
        var missing = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => DynaliteServer.StartAsync(missing));

        Assert.Contains(missing, error.Message, StringComparison.Ordinal);
        Assert.Contains("cli.js", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FindCli_FromTestOutput_FindsRepositoryCopy()
    {
        var cli = DynaliteLocator.FindCli();

        Assert.EndsWith(Path.Combine("node_modules", "dynalite", "cli.js"), cli, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DisposeAsync_RunningServer_StopsListening()
    {
        var server = await DynaliteServer.StartAsync();
        using (var answering = new TcpClient())
        {
            await answering.ConnectAsync("127.0.0.1", server.Port);
        }

        await server.DisposeAsync();

        using var refused = new TcpClient();
        await Assert.ThrowsAsync<SocketException>(() => refused.ConnectAsync("127.0.0.1", server.Port));
        Assert.StartsWith("http://127.0.0.1:", server.Endpoint, StringComparison.Ordinal);
    }
}
