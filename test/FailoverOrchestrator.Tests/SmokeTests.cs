namespace FailoverOrchestrator.Tests;

public class SmokeTests
{
    [Fact]
    public async Task HandleAsync_EmptyStream_ReturnsStream()
    {
        var result = await new Function().HandleAsync(new MemoryStream());

        Assert.NotNull(result);
    }
}
