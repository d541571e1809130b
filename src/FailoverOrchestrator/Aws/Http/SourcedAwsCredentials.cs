using Amazon.Runtime;

namespace FailoverOrchestrator.Aws.Http;

/// <summary>
/// Adapts an <see cref="IAwsCredentialSource"/> to the <see cref="AWSCredentials"/> that
/// <c>SigV4SigningHandler</c> resolves on every send, so each request is signed with current credentials.
/// </summary>
internal sealed class SourcedAwsCredentials : AWSCredentials
{
    private readonly IAwsCredentialSource _source;

    public SourcedAwsCredentials(IAwsCredentialSource source)
    {
        _source = source;
    }

    public override ImmutableCredentials GetCredentials() => _source.GetCredentialsAsync().GetAwaiter().GetResult();

    public override Task<ImmutableCredentials> GetCredentialsAsync() => _source.GetCredentialsAsync();
}
