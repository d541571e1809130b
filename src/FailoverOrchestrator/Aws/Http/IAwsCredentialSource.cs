using Amazon.Runtime;

namespace FailoverOrchestrator.Aws.Http;

/// <summary>Supplies the credentials requests are signed with; asked again for every request so that expiring credentials are
/// refreshed.</summary>
internal interface IAwsCredentialSource
{
    /// <summary>The current credentials (access key, secret key and, for temporary credentials, session token).</summary>
    Task<ImmutableCredentials> GetCredentialsAsync();
}
