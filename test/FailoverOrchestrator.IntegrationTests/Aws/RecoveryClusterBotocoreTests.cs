using System.Diagnostics;
using System.Text.Json.Nodes;

namespace FailoverOrchestrator.IntegrationTests.Aws;

/// <summary>
/// A second outside reading of the ARC cluster API: botocore 1.43's own model and JSON serializer (the AWS SDK for
/// Python) build the same two requests, and ours must carry the same target, content type, path and body.
/// </summary>
public sealed class RecoveryClusterBotocoreTests(WireCaptureFixture captured) : IClassFixture<WireCaptureFixture>
{
    private const string Script = """
        import json, sys
        import botocore.session
        from botocore.serialize import create_serializer
        model = botocore.session.get_session().get_service_model('route53-recovery-cluster')
        out = {}
        for case in json.load(sys.stdin):
            op = model.operation_model(case['operation'])
            request = create_serializer(model.metadata['protocol']).serialize_to_request(case['input'], op)
            body = request['body']
            out[case['id']] = {
                'target': request['headers'].get('X-Amz-Target'),
                'contentType': request['headers'].get('Content-Type'),
                'path': request['url_path'],
                'method': request['method'],
                'body': body.decode('utf-8') if isinstance(body, bytes) else body,
                'signingName': model.signing_name,
            }
        print(json.dumps(out))
        """;

    [Fact]
    public async Task RoutingControlRequests_SameInput_MatchBotocoresSerializer()
    {
        var cases = WireCases.All.Where(c => c.Service == "route53-recovery-cluster").ToList();
        var input = new JsonArray(
            cases.Select(
            c => (JsonNode)new JsonObject { ["id"] = c.Id, ["operation"] = c.Operation, ["input"] = c.SdkInput.DeepClone() }).ToArray());

        var botocore = await RunPythonAsync(input.ToJsonString());

        Assert.Equal(2, cases.Count);
        foreach (var wireCase in cases)
        {
            var expected = botocore[wireCase.Id]!;
            var ours = captured.Requests[wireCase.Id].Ours;
            Assert.Equal(expected["method"]!.GetValue<string>(), ours.Method);
            Assert.Equal(expected["target"]!.GetValue<string>(), ours.Header("x-amz-target"));
            Assert.Equal(expected["contentType"]!.GetValue<string>(), ours.Header("content-type"));
            Assert.Equal(expected["signingName"]!.GetValue<string>(),
                SigV4Reference.ParseAuthorization(ours.Header("authorization")!).Service);

            // botocore's path is relative to the endpoint ("/"); the cluster endpoint's own path (/v1) comes before it.
            Assert.Equal("/" + wireCase.EndpointPath + expected["path"]!.GetValue<string>(), ours.Path);
            Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected["body"]!.GetValue<string>()), JsonNode.Parse(ours.Body)),
                $"{wireCase.Id}: botocore {expected["body"]} vs ours {ours.Body}");
        }
    }

    private static async Task<JsonObject> RunPythonAsync(string stdin)
    {
        var start = new ProcessStartInfo("python3", ["-c", Script]) { RedirectStandardInput = true, RedirectStandardOutput = true,
            RedirectStandardError = true };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("python3 did not start.");
        await process.StandardInput.WriteAsync(stdin);
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"python3 (botocore) exited with {process.ExitCode}: {await stderr}");
        return JsonNode.Parse(await stdout)!.AsObject();
    }
}
