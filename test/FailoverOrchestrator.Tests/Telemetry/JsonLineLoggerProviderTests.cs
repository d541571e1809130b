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
        using var factory = new LoggerFactory([new JsonLineLoggerProvider(output, StepContexts.Clock())], new LoggerFilterOptions { MinLevel = LogLevel.Information });
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
        using var factory = new LoggerFactory([new JsonLineLoggerProvider(output, TimeProvider.System)], new LoggerFilterOptions { MinLevel = LogLevel.Warning });

        Log.StepStarted(factory.CreateLogger("test"), "Preflight");

        Assert.Equal(string.Empty, output.ToString());
    }

    [Fact]
    public void Log_ScopesAndFieldsRepeatingAKey_WriteEachKeyOnceWithTheInnerValue()
    {
        var output = new StringWriter();
        using var factory = new LoggerFactory([new JsonLineLoggerProvider(output, StepContexts.Clock())], new LoggerFilterOptions { MinLevel = LogLevel.Information });
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
        using var factory = new LoggerFactory([new JsonLineLoggerProvider(output, StepContexts.Clock())], new LoggerFilterOptions { MinLevel = LogLevel.Trace });

        factory.CreateLogger("test").Log(level, new EventId(99), "a line", null, (state, _) => state);

        using var json = JsonDocument.Parse(output.ToString());
        Assert.Equal(name, json.RootElement.GetProperty("level").GetString());
    }
}
