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

    [Fact]
    public void From_CauseEchoingASignature_RedactsItInTheDocument()
    {
        const string signature = "5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7";
        var error = new InvalidOperationException("status could not be read",
            new InvalidOperationException(
            $"denied: Authorization=AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20261201/us-east-1/dynamodb/aws4_request, "
            + $"Signature={signature}"));

        var json = JsonSerializer.Serialize(RuntimeError.From(error), RuntimeJsonContext.Default.RuntimeError);

        Assert.DoesNotContain(signature, json, StringComparison.Ordinal);
        Assert.DoesNotContain("AKIAIOSFODNN7EXAMPLE", json, StringComparison.Ordinal);
        Assert.Contains("--- caused by InvalidOperationException", json, StringComparison.Ordinal);
    }
}
