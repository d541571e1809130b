using FailoverOrchestrator.LocalCloud;
using Microsoft.Extensions.Time.Testing;

namespace FailoverOrchestrator.IntegrationTests.LocalCloud;

/// <summary>A started LocalCloud on a fake clock, with an HTTP client for it; one per test.</summary>
internal sealed class LocalCloudSut : IAsyncDisposable
{
    public LocalCloudSut(Func<FakeTimeProvider, LocalCloudOptions>? options = null)
    {
        Server = LocalCloudServer.Start(options?.Invoke(Time) ?? new LocalCloudOptions { TimeProvider = Time });
        Http = new LocalCloudHttp(Server);
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    public LocalCloudServer Server { get; }

    public LocalCloudHttp Http { get; }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Server.DisposeAsync();
    }
}
