using System.Text.Json;
using FailoverOrchestrator.Telemetry;
using FailoverOrchestrator.Tests.TestSupport;
using Microsoft.Extensions.Logging;

namespace FailoverOrchestrator.Tests.Telemetry;

public class JsonLineLoggerProviderTests
{
    [Fact]
    public void Log_InsideScopes_WritesOneJsonLineWithScopeAndStateFields()
    {
        var output = new StringWriter();
        using var factory = new LoggerFactory([new JsonLineLoggerProvider(output, StepContexts.Clock())],
            new LoggerFilterOptions { MinLevel = LogLevel.Information });
        var logger = factory.CreateLogger("test");

        using (logger.BeginScope(new Dictionary<string, object> { ["app"] = "shop", ["executionId"] = "e1" }))
        using (logger.BeginScope(new Dictionary<string, object> { ["step"] = "DnsUpsert" }))
        {
            Log.StepFinished(logger, "DnsUpsert", "Succeeded", 42, "moved");
        }

        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var line = Assert.Single(lines);
        using var json = JsonDocument.Parse(line);
        var root = json.RootElement;
        Assert.Equal("2026-03-04T08:01:05.000Z", root.GetProperty("timestamp").GetString());
        Assert.Equal(7, root.GetProperty("eventId").GetInt32());
        Assert.Equal("shop", root.GetProperty("app").GetString());
        Assert.Equal("e1", root.GetProperty("executionId").GetString());
        Assert.Equal("DnsUpsert", root.GetProperty("step").GetString());
        Assert.Equal("42", root.GetProperty("durationMs").GetString());
        Assert.Equal("Step DnsUpsert Succeeded in 42 ms: moved", root.GetProperty("message").GetString());
    }

    [Fact]
    public void Log_BelowMinimumLevel_WritesNothing()
    {
        var output = new StringWriter();
        using var factory = new LoggerFactory([new JsonLineLoggerProvider(output, TimeProvider.System)],
            new LoggerFilterOptions { MinLevel = LogLevel.Warning });

        Log.StepStarted(factory.CreateLogger("test"), "Preflight");

        Assert.Equal(string.Empty, output.ToString());
    }

    [Fact]
    public void Log_ScopesAndFieldsRepeatingAKey_WriteEachKeyOnceWithTheInnerValue()
    {
        var output = new StringWriter();
        using var factory = new LoggerFactory([new JsonLineLoggerProvider(output, StepContexts.Clock())],
            new LoggerFilterOptions { MinLevel = LogLevel.Information });
        var logger = factory.CreateLogger("test");

        using (logger.BeginScope(new Dictionary<string, object> { ["app"] = "outer", ["epoch"] = 1, ["message"] = "from a scope" }))
        using (logger.BeginScope(new Dictionary<string, object> { ["app"] = "shop", ["epoch"] = 2, ["step"] = "Preflight" }))
        {
            Log.LeaseAcquired(logger, "acquired", "other", "e1", 3, 1);
            Log.InvocationFailed(logger, "boom", new InvalidOperationException("boom"));
        }

        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        foreach (var line in lines)
        {
            var keys = new List<string>();
            using var json = JsonDocument.Parse(line);
            foreach (var property in json.RootElement.EnumerateObject())
            {
                keys.Add(property.Name);
            }

            Assert.Equal(keys.Count, keys.Distinct(StringComparer.Ordinal).Count());
            Assert.Equal("shop", json.RootElement.GetProperty("app").GetString());
            Assert.Equal("2", json.RootElement.GetProperty("epoch").GetString());
            Assert.NotEqual("from a scope", json.RootElement.GetProperty("message").GetString());
        }
    }

    [Theory]
    [InlineData(LogLevel.Trace, "TRACE")]
    [InlineData(LogLevel.Debug, "DEBUG")]
    [InlineData(LogLevel.Information, "INFO")]
    [InlineData(LogLevel.Warning, "WARN")]
    [InlineData(LogLevel.Error, "ERROR")]
    [InlineData(LogLevel.Critical, "FATAL")]
    public void Log_EachLevel_IsNamedAsLambdasJsonLogFormatNamesIt(LogLevel level, string name)
    {
        var output = new StringWriter();
        using var factory = new LoggerFactory([new JsonLineLoggerProvider(output, StepContexts.Clock())],
            new LoggerFilterOptions { MinLevel = LogLevel.Trace });

        factory.CreateLogger("test").Log(level, new EventId(99), "a line", null, (state, _) => state);

        using var json = JsonDocument.Parse(output.ToString());
        Assert.Equal(name, json.RootElement.GetProperty("level").GetString());
    }

    /// <summary>A DynamoDB error (the SDK's own exception, which no parser of ours sees) echoing the session token and a signature is
    /// redacted in every field of the line.</summary>
    [Fact]
    public void Log_ExceptionEchoingTokenAndSignature_RedactedInMessageFieldsAndException()
    {
        const string token =
            "IQoJb3JpZ2luX2VjEHoaCXVzLWVhc3QtMSJHMEUCIQDfakefakefakefakefakefakefakefakeAiBfakefakefakefakefakefakefakefakefakefakeKvQIIk";
        const string signature = "5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7";
        var output = new StringWriter();
        using var factory = new LoggerFactory([new JsonLineLoggerProvider(output, StepContexts.Clock())],
            new LoggerFilterOptions { MinLevel = LogLevel.Information });
        var error = new Amazon.DynamoDBv2.AmazonDynamoDBException(
            $"signature mismatch\nx-amz-security-token:{token}\nAuthorization=AWS4-HMAC-SHA256 "
            + $"Credential=AKIAIOSFODNN7EXAMPLE/20261201/us-east-1/dynamodb/aws4_request, Signature={signature}");

        Log.InvocationFailed(factory.CreateLogger("test"), error.Message, error);

        var line = output.ToString();
        Assert.DoesNotContain(token, line, StringComparison.Ordinal);
        Assert.DoesNotContain(signature, line, StringComparison.Ordinal);
        Assert.DoesNotContain("AKIAIOSFODNN7EXAMPLE", line, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(line);
        Assert.Contains("[removed]", json.RootElement.GetProperty("exceptionMessage").GetString(), StringComparison.Ordinal);
    }
}
