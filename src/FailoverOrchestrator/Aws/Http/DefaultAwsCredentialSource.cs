using Amazon.Runtime;
using Amazon.Runtime.Credentials;

namespace FailoverOrchestrator.Aws.Http;

/// <summary>
/// The SDK's default chain: environment (what Lambda provides), profile, container, instance metadata.
/// The resolver caches the chain's result and walks it again when the environment or profile files change;
/// refreshing credential types (container, assume-role, SSO) renew themselves before they expire, which is
/// why the immutable credentials are asked for on every request rather than kept.
/// </summary>
internal sealed class DefaultAwsCredentialSource : IAwsCredentialSource
{
    public async Task<ImmutableCredentials> GetCredentialsAsync()
    {
        var credentials = await DefaultAWSCredentialsIdentityResolver.GetCredentialsAsync();
        return await credentials.GetCredentialsAsync();
    }
}
