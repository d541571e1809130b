using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Amazon.DynamoDBv2;
using Amazon.Runtime;
using FailoverOrchestrator.Aws.DynamoDb;
using FailoverOrchestrator.LocalCloud.Dynalite;

namespace FailoverOrchestrator.IntegrationTests.Coordination;

/// <summary>
/// moto 5.2.1's server (python3 -m moto.server) on a loopback port: a DynamoDB implementation we did not write and that
/// is not dynalite, to run the state store's and writer control's condition expressions against a second reading of
/// DynamoDB's rules.
/// </summary>
public sealed class MotoFixture : IAsyncLifetime, IDisposable
{
    public const string Region = "us-east-1";

    private Process? _process;
    private DynamoDbClientFactory? _clients;

    internal IDynamoDbClientFactory Clients => _clients ?? throw new InvalidOperationException("The fixture is not initialized.");

    internal IAmazonDynamoDB Client => Clients.GetClient(Region);

    public async Task InitializeAsync()
    {
        Environment.SetEnvironmentVariable("AWS_EC2_METADATA_DISABLED", "true");
        var port = FreePort();
        _process = Process.Start(new ProcessStartInfo("python3", $"-m moto.server -H 127.0.0.1 -p {port}")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException("python3 did not start");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        var endpoint = $"http://127.0.0.1:{port}";
        using var http = new HttpClient();
        for (var i = 0; ; i++)
        {
            try
            {
                using var answer = await http.GetAsync(new Uri(endpoint + "/moto-api/"));
                if (answer.StatusCode == HttpStatusCode.OK)
                {
                    break;
                }
            }
            catch (HttpRequestException) when (i < 200 && !_process.HasExited)
            {
            }

            await Task.Delay(100);
        }

        _clients = new DynamoDbClientFactory(
            new BasicAWSCredentials("testing", "testing"),
            TimeSpan.FromSeconds(10),
            getEnvironmentVariable: name => name == "AWS_ENDPOINT_URL_DYNAMODB" ? endpoint : null);
    }

    public Task DisposeAsync()
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        _clients?.Dispose();
        _clients = null;
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(5000);
        }

        _process?.Dispose();
        _process = null;
    }

    internal async Task<string> CreateTableAsync(Func<TableProvisioner, string, Task> create, string prefix)
    {
        var name = DynaliteFixture.UniqueName(prefix);
        await create(new TableProvisioner(Client), name);
        return name;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
