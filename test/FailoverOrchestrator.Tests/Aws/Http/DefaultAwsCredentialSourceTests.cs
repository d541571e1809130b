using FailoverOrchestrator.Aws.Http;

namespace FailoverOrchestrator.Tests.Aws.Http;

[CollectionDefinition(nameof(ProcessEnvironmentCollection), DisableParallelization = true)]
public sealed class ProcessEnvironmentCollection;

/// <summary>Changes the process environment, so it runs alone.</summary>
[Collection(nameof(ProcessEnvironmentCollection))]
public sealed class DefaultAwsCredentialSourceTests : IDisposable
{
    private static readonly string[] Variables =
        ["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_EC2_METADATA_DISABLED"];
    private readonly Dictionary<string, string?> _saved = Variables.ToDictionary(v => v, Environment.GetEnvironmentVariable);

    [Fact]
    public async Task GetCredentialsAsync_LambdaStyleEnvironment_ReturnsItsCredentials()
    {
        Environment.SetEnvironmentVariable("AWS_EC2_METADATA_DISABLED", "true");
        Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", "ASIAENVEXAMPLE");
        Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", "env-secret");
        Environment.SetEnvironmentVariable("AWS_SESSION_TOKEN", "env-token");
        var source = new DefaultAwsCredentialSource();

        var credentials = await source.GetCredentialsAsync();

        Assert.Equal(("ASIAENVEXAMPLE", "env-secret", "env-token"), (credentials.AccessKey, credentials.SecretKey, credentials.Token));
    }

    [Fact]
    public async Task GetCredentialsAsync_EnvironmentRotated_ReturnsTheNewCredentials()
    {
        Environment.SetEnvironmentVariable("AWS_EC2_METADATA_DISABLED", "true");
        Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", "ASIAFIRST");
        Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", "first-secret");
        Environment.SetEnvironmentVariable("AWS_SESSION_TOKEN", "first-token");
        var source = new DefaultAwsCredentialSource();
        await source.GetCredentialsAsync();
        Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", "ASIASECOND");
        Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", "second-secret");
        Environment.SetEnvironmentVariable("AWS_SESSION_TOKEN", "second-token");

        var credentials = await source.GetCredentialsAsync();

        Assert.Equal(("ASIASECOND", "second-token"), (credentials.AccessKey, credentials.Token));
    }

    public void Dispose()
    {
        foreach (var (name, value) in _saved)
        {
            Environment.SetEnvironmentVariable(name, value);
        }
    }
}
