using System.Text;
using System.Text.Json;
using FailoverOrchestrator.LocalCloud;
using FailoverOrchestrator.LocalCloud.Lambda;

namespace FailoverOrchestrator.IntegrationTests.LambdaRuntime;

/// <summary>
/// Invocations of the published function, started as a separate process exactly as each Lambda runtime starts it (the
/// managed runtime's <c>dotnet exec /var/task/FailoverOrchestrator.dll</c> and provided.al2023's <c>./bootstrap</c>,
/// following aws-lambda-dotnet's bootstrap.net8.sh), answering through the documented Runtime API. Every case runs on
/// all three builds: the Native AOT bootstrap passes exactly the cases the JIT builds pass. The error document follows
/// the Runtime API's OpenAPI description (aws-lambda-dotnet, RuntimeSupport/Client/runtime-api.yaml); the start-up
/// failures are in <see cref="RuntimeInitErrorTests"/>.
/// The stand-in itself was checked against aws-lambda-dotnet's own Runtime API client (Amazon.Lambda.RuntimeSupport
/// built from its public source, driving a class-library handler through RuntimeApiServer): it read the request id,
/// deadline, function ARN and trace header, posted its error document and its init error, and parsed the stand-in's
/// 413 answer to an oversize response as the documented ErrorResponse. That check found the stand-in cutting the
/// connection on an oversize body (the official client died of the broken pipe); it now reads the body to its end and
/// answers 413. RuntimeSupport then exits on that 413, while this function logs it and serves the next event.
/// </summary>
[TestCaseOrderer("FailoverOrchestrator.IntegrationTests.LambdaRuntime.NativeAotLastOrderer", "FailoverOrchestrator.IntegrationTests")]
public sealed class RuntimeInvocationTests
{
    public static TheoryData<LambdaRuntimeKind, string> AlarmFormats
    {
        get
        {
            var data = new TheoryData<LambdaRuntimeKind, string>();
            foreach (var runtime in Enum.GetValues<LambdaRuntimeKind>())
            {
                foreach (var format in (string[])["alarm-lambda-action.json", "alarm-eventbridge.json", "alarm-sns.json"])
                {
                    data.Add(runtime, format);
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(AlarmFormats))]
    public async Task Invoke_AlarmOfEachDeliveryFormat_FailsOverWithTheRequestIdInEveryLogLine(LambdaRuntimeKind runtime, string eventFile)
    {
        await using var harness = await RuntimeHarness.StartAsync(runtime, withWorld: true);

        var result =
            await harness.InvokeAsync(RuntimeHarness.Event(eventFile), traceId: "Root=1-5759e988-bd862e3fe1be46a994272793;Sampled=1");

        Assert.True(result.Kind == InvocationResultKind.Response, $"{result.Kind}: {result.Text}\n{harness.Diagnostics()}");
        using var answer = JsonDocument.Parse(result.Body);
        Assert.Equal("FailedOver", answer.RootElement.GetProperty("outcome").GetString());
        Assert.Equal("us-west-2", answer.RootElement.GetProperty("activeRegion").GetString());
        // Every log line from the invocation's first on (the cold start's come before it; metric lines carry no log fields).
        var logs = harness.Logs().Where(l => !l.TryGetProperty("_aws", out _)).ToList();
        var lines = logs.Skip(logs.FindIndex(l => l.TryGetProperty("requestId", out _))).ToList();
        Assert.Contains(lines, l => l.GetProperty("eventId").GetInt32() == 7);
        Assert.All(lines, l => Assert.Equal(result.RequestId, l.TryGetProperty("requestId", out var id) ? id.GetString() : null));
        Assert.Contains(lines, l =>
            l.GetProperty("message").GetString()!.Contains("Root=1-5759e988-bd862e3fe1be46a994272793", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(RuntimeKinds.All), MemberType = typeof(RuntimeKinds))]
    public async Task Invoke_SeveralEventsInOneProcess_AnswersEachInTurnAndLogsOneObjectPerLine(LambdaRuntimeKind runtime)
    {
        await using var harness = await RuntimeHarness.StartAsync(runtime, withWorld: true);
        var cases = new (string Payload, string Outcome)[]
        {
            ("""{"command":"status","app":"shop"}""", "Status"),
            (RuntimeHarness.Event("command-plan.json"), "Planned"),
            (RuntimeHarness.Event("alarm-ok.json"), "Ignored"),
            (RuntimeHarness.Event("bad-not-json.json"), "Rejected"),
            (RuntimeHarness.Event("bad-failover-without-confirm.json"), "Rejected"),
            ($$"""{"command":"status","app":"shop","reason":"{{new string('x', 300 * 1024)}}"}""", "Rejected"),
        };

        var results = new List<InvocationResult>();
        foreach (var (payload, _) in cases)
        {
            results.Add(await harness.InvokeAsync(payload));
        }

        for (var i = 0; i < cases.Length; i++)
        {
            Assert.True(results[i].Kind == InvocationResultKind.Response,
                $"case {i}: {results[i].Kind}: {results[i].Text}\n{harness.Diagnostics()}");
            using var answer = JsonDocument.Parse(results[i].Body);
            Assert.Equal(cases[i].Outcome, answer.RootElement.GetProperty("outcome").GetString());
        }

        Assert.Equal(results.Count, results.Select(r => r.RequestId).Distinct().Count());
        Assert.False(harness.Function.Exited.IsCompleted, "one process serves every invocation");
        Assert.All(harness.Function.StandardOutput, AssertOneJsonObjectWithUniqueKeys);
        Assert.All(harness.Logs(), l =>
            Assert.Contains(l.GetProperty("level").GetString(), new[] { "TRACE", "DEBUG", "INFO", "WARN", "ERROR", "FATAL" }));
        Assert.All(results, r =>
            Assert.Contains(harness.Logs(), l => l.TryGetProperty("requestId", out var id) && id.GetString() == r.RequestId));
    }

    [Theory]
    [MemberData(nameof(RuntimeKinds.All), MemberType = typeof(RuntimeKinds))]
    public async Task Invoke_PayloadOverSixMegabytes_IsRefusedBeforeTheFunctionAndTheProcessServesOn(LambdaRuntimeKind runtime)
    {
        await using var harness = await RuntimeHarness.StartAsync(runtime, withWorld: false);

        var oversize = await harness.Function.InvokeAsync(
            Encoding.UTF8.GetBytes(
            $$"""{"command":"status","app":"shop","reason":"{{new string('x', RuntimeApiServer.MaxPayloadBytes)}}"}"""),
            TimeSpan.FromSeconds(30));
        var next = await harness.InvokeAsync(RuntimeHarness.Event("alarm-unknown.json"));

        Assert.Equal(InvocationResultKind.Refused, oversize.Kind);
        Assert.Equal("RequestEntityTooLargeException", oversize.ErrorType);
        Assert.True(next.Kind == InvocationResultKind.Response, $"{next.Kind}: {next.Text}\n{harness.Diagnostics()}");
        Assert.Contains("\"Ignored\"", next.Text, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(RuntimeKinds.All), MemberType = typeof(RuntimeKinds))]
    public async Task Invoke_DeadlineRunsOutMidStep_PostsTheErrorBeforeTheDeadlineAndRecordsTheAttempt(LambdaRuntimeKind runtime)
    {
        // Tasks start slowly, so EcsScaleUp is still waiting when the invocation's deadline (12 s, of which 8 s are
        // kept for recording the failure and answering) stops it.
        await using var harness = await RuntimeHarness.StartAsync(runtime, withWorld: true,
            cloud: new LocalCloudOptions { ChangePropagationDelay = TimeSpan.Zero, EcsTasksPerSecond = 0.05, AccountId = "111122223333" });
        var timeout = TimeSpan.FromSeconds(12);

        var result = await harness.InvokeAsync(RuntimeHarness.Event("alarm-lambda-action.json"), timeout);
        var status = await harness.InvokeAsync("""{"command":"status","app":"shop"}""");

        Assert.True(result.Kind == InvocationResultKind.FunctionError, $"{result.Kind}: {result.Text}\n{harness.Diagnostics()}");
        Assert.True(result.Duration < timeout, $"answered after {result.Duration}");
        using var error = JsonDocument.Parse(result.Body);
        Assert.Equal(result.ErrorType, error.RootElement.GetProperty("errorType").GetString());
        Assert.Contains("EcsScaleUp", error.RootElement.GetProperty("errorMessage").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Array, error.RootElement.GetProperty("stackTrace").ValueKind);
        Assert.True(status.Kind == InvocationResultKind.Response, status.Text);
        Assert.Contains("EcsScaleUp", status.Text, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(RuntimeKinds.All), MemberType = typeof(RuntimeKinds))]
    public async Task Invoke_HandlerThrows_PostsLambdasErrorDocumentAndServesTheNextEvent(LambdaRuntimeKind runtime)
    {
        // No DynamoDB answers (a closed port): the status command's read fails past its retries and the handler throws.
        await using var harness = await RuntimeHarness.StartAsync(runtime, withWorld: false);

        var failed = await harness.InvokeAsync("""{"command":"status","app":"shop"}""", TimeSpan.FromSeconds(20));
        var next = await harness.InvokeAsync(RuntimeHarness.Event("alarm-ok.json"));

        Assert.True(failed.Kind == InvocationResultKind.FunctionError, $"{failed.Kind}: {failed.Text}\n{harness.Diagnostics()}");
        using var error = JsonDocument.Parse(failed.Body);
        Assert.False(string.IsNullOrEmpty(error.RootElement.GetProperty("errorMessage").GetString()));
        Assert.Equal(failed.ErrorType, error.RootElement.GetProperty("errorType").GetString());
        Assert.Contains(harness.Logs(), l => l.GetProperty("level").GetString() == "ERROR"
            && l.GetProperty("requestId").GetString() == failed.RequestId);
        Assert.Equal(InvocationResultKind.Response, next.Kind);
        Assert.Contains("\"Ignored\"", next.Text, StringComparison.Ordinal);
    }

    private static void AssertOneJsonObjectWithUniqueKeys(string line)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(line));
        var keys = new HashSet<string>(StringComparer.Ordinal);
        Assert.True(reader.Read() && reader.TokenType == JsonTokenType.StartObject, line);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            Assert.Equal(JsonTokenType.PropertyName, reader.TokenType);
            Assert.True(keys.Add(reader.GetString()!), $"duplicate key {reader.GetString()} in {line}");
            reader.Skip();
        }
    }
}
