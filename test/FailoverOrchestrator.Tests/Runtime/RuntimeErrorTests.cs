using System.Text.Json;
using FailoverOrchestrator.Runtime;

namespace FailoverOrchestrator.Tests.Runtime;

public class RuntimeErrorTests
{
    [Fact]
    public void From_ExceptionWithACause_WritesLambdasErrorDocumentWithTheCause()
    {
        Exception thrown;
        try
        {
            try
            {
                throw new TimeoutException("DynamoDB did not answer");
            }
            catch (TimeoutException inner)
            {
                throw new InvalidOperationException("status could not be read", inner);
            }
        }
        catch (InvalidOperationException ex)
        {
            thrown = ex;
        }

        var json = JsonSerializer.Serialize(RuntimeError.From(thrown), RuntimeJsonContext.Default.RuntimeError);

        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        Assert.Equal("status could not be read", root.GetProperty("errorMessage").GetString());
        Assert.Equal("InvalidOperationException", root.GetProperty("errorType").GetString());
        var stack = root.GetProperty("stackTrace").EnumerateArray().Select(e => e.GetString()!).ToList();
        Assert.Contains(stack, line => line.StartsWith("at ", StringComparison.Ordinal));
        Assert.Contains("--- caused by TimeoutException: DynamoDB did not answer", stack);
        Assert.Equal(["errorMessage", "errorType", "stackTrace"], root.EnumerateObject().Select(p => p.Name).ToArray());
    }
}
