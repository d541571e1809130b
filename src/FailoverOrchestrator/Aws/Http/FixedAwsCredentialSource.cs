using Amazon.Runtime;

namespace FailoverOrchestrator.Aws.Http;

/// <summary>Credentials given up front (tests, the local drill).</summary>
internal sealed class FixedAwsCredentialSource : IAwsCredentialSource
{
    private readonly ImmutableCredentials _credentials;

    public FixedAwsCredentialSource(string accessKey, string secretKey, string? sessionToken = null)
    {
        _credentials = new ImmutableCredentials(accessKey, secretKey, sessionToken);
    }

    public Task<ImmutableCredentials> GetCredentialsAsync() => Task.FromResult(_credentials);
}
