using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Amazon.DynamoDBv2.Model;
using FailoverOrchestrator.LocalCloud.Http;

namespace FailoverOrchestrator.LocalCloud.GlobalTables;

/// <summary>
/// One DynamoDB endpoint for a world of one dynalite per region, as <c>AWS_ENDPOINT_URL_DYNAMODB</c> is one variable:
/// each request goes to the dynalite of the region its SigV4 credential scope names, so a client built for us-west-2
/// reaches the us-west-2 replica. Writes that a replica accepts on a global table are handed to the
/// <see cref="GlobalTableReplicator"/>. A region can be cut off (<see cref="Isolate"/>): its global tables then answer
/// every request with a 503, as a regional outage looks to a client, while its other tables (the orchestrator's own
/// state) keep answering.
/// </summary>
internal sealed class RegionalDynamoDbRouter : IAsyncDisposable
{
    private static readonly HashSet<string> Writes = new(StringComparer.Ordinal) { "PutItem", "UpdateItem", "DeleteItem" };

    private readonly IReadOnlyDictionary<string, Uri> _replicas;
    private readonly GlobalTableReplicator _replicator;
    private readonly LoopbackHttpHost _host;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _regionWrites = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _isolated = new(StringComparer.Ordinal);
    private readonly DarkRegions _dark = new();
    private readonly ConcurrentQueue<string> _refused = new();

    /// <param name="replicas">The dynalite endpoint of each region.</param>
    /// <param name="replicator">Where accepted writes to global tables go.</param>
    public RegionalDynamoDbRouter(IReadOnlyDictionary<string, Uri> replicas, GlobalTableReplicator replicator)
    {
        _replicas = replicas;
        _replicator = replicator;
        _host = new LoopbackHttpHost(0, DispatchAsync);
        _host.Start();
    }

    /// <summary>The endpoint to give as <c>AWS_ENDPOINT_URL_DYNAMODB</c>.</summary>
    public string Endpoint => _host.Endpoint!.ToString().TrimEnd('/');

    /// <summary>Cuts the region's global tables off (<paramref name="isolated"/> true) or brings them back.</summary>
    public void Isolate(string region, bool isolated = true) => _isolated[region] = isolated;

    public bool IsIsolated(string region) => _isolated.TryGetValue(region, out var isolated) && isolated;

    /// <summary>
    /// Cuts every request signed for <paramref name="region"/>, to any table, without an answer (<paramref name="dark"/>
    /// true: the region is dark), or answers it again.
    /// </summary>
    public void Darken(string region, bool dark = true)
    {
        if (dark)
        {
            _dark.Darken(region);
        }
        else
        {
            _dark.Restore(region);
        }
    }

    /// <summary>The requests cut because their region was dark, as "region operation table", in order.</summary>
    public IReadOnlyList<string> Refused => [.. _refused];

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        _http.Dispose();
        foreach (var gate in _regionWrites.Values)
        {
            gate.Dispose();
        }
    }

    private async Task<LocalResponse> DispatchAsync(LocalRequest request, CancellationToken cancellationToken)
    {
        if (request.Region is not { } region || !_replicas.TryGetValue(region, out var replica))
        {
            return Error(400, "UnrecognizedClientException", $"no DynamoDB replica in region '{request.Region}' in this world");
        }

        var operation = request.Header("X-Amz-Target") is { } target && target.LastIndexOf('.') is var dot and >= 0
            ? target[(dot + 1)..] : string.Empty;
        using var document = JsonDocument.Parse(string.IsNullOrEmpty(request.Body) ? "{}" : request.Body);
        var table = document.RootElement.TryGetProperty("TableName", out var name) ? name.GetString() : null;
        if (_dark.IsDark(region))
        {
            _refused.Enqueue($"{region} {operation} {table}");
            return LocalResponse.Refusal(region);
        }

        var global = table is not null && _replicator.IsGlobal(table);
        if (global && IsIsolated(region))
        {
            return Error(503, "ServiceUnavailable", $"{region} is unreachable (the drill cut it off)");
        }

        if (!global || !Writes.Contains(operation))
        {
            return await ForwardAsync(replica, request, cancellationToken);
        }

        return await WriteGlobalAsync(replica, request, region, table!, operation, document.RootElement, cancellationToken);
    }

    /// <summary>
    /// Forwards a write to a global table and hands what the replica accepted to the replicator. One write at a time per
    /// region on global tables, so the item the replicator reads is the one just written.
    /// </summary>
    private async Task<LocalResponse> WriteGlobalAsync(Uri replica, LocalRequest request, string region, string table,
        string operation, JsonElement body, CancellationToken cancellationToken)
    {
        var gate = _regionWrites.GetOrAdd(region, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            var response = await ForwardAsync(replica, request, cancellationToken);
            if (response.StatusCode == 200)
            {
                var key = await KeyAsync(region, table, operation, body);
                await _replicator.RecordAsync(region, table, key, cancellationToken);
            }

            return response;
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<Dictionary<string, AttributeValue>> KeyAsync(string region, string table, string operation, JsonElement body)
    {
        var names = await _replicator.KeyAttributesAsync(region, table);
        var source = body.GetProperty(operation == "PutItem" ? "Item" : "Key");
        return names.ToDictionary(n => n, n => KeyValue(source.GetProperty(n)), StringComparer.Ordinal);
    }

    /// <summary>A key attribute in DynamoDB's JSON (<c>{"S": "..."}</c>, <c>{"N": "..."}</c> or <c>{"B": "base64"}</c>).</summary>
    private static AttributeValue KeyValue(JsonElement value)
    {
        if (value.TryGetProperty("S", out var s))
        {
            return new AttributeValue { S = s.GetString() };
        }

        if (value.TryGetProperty("N", out var n))
        {
            return new AttributeValue { N = n.GetString() };
        }

        return new AttributeValue { B = new MemoryStream(value.GetProperty("B").GetBytesFromBase64()) };
    }

    private async Task<LocalResponse> ForwardAsync(Uri replica, LocalRequest request, CancellationToken cancellationToken)
    {
        using var message = new HttpRequestMessage(new HttpMethod(request.Method), new Uri(replica, request.Path))
        {
            Content = new StringContent(request.Body, Encoding.UTF8),
        };
        message.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(request.Header("Content-Type") ?? "application/x-amz-json-1.0");
        foreach (var header in new[] { "X-Amz-Target", "Authorization", "X-Amz-Date", "X-Amz-Security-Token" })
        {
            if (request.Header(header) is { } value)
            {
                message.Headers.TryAddWithoutValidation(header, value);
            }
        }

        using var response = await _http.SendAsync(message, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        return new LocalResponse((int)response.StatusCode, response.Content.Headers.ContentType?.ToString() ?? "application/x-amz-json-1.0",
            body);
    }

    private static LocalResponse Error(int status, string code, string message) =>
        new(status, "application/x-amz-json-1.0", JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["__type"] = "com.amazonaws.dynamodb.v20120810#" + code,
            ["message"] = message,
        }))
        { ErrorCode = code };
}
