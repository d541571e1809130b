using FailoverOrchestrator.Aws.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace FailoverOrchestrator.Aws;

/// <summary>What the Route 53, ECS and SNS clients are built from; every part has a production default.</summary>
internal sealed class AwsClientSettings
{
    /// <summary>The transport under the signer; null for a <see cref="SocketsHttpHandler"/> that does not follow redirects.</summary>
    public HttpMessageHandler? Handler { get; init; }

    /// <summary>The credentials; null for the SDK's default chain.</summary>
    public IAwsCredentialSource? Credentials { get; init; }

    public IEnvironmentVariables Environment { get; init; } = SystemEnvironmentVariables.Instance;

    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    public ILoggerFactory LoggerFactory { get; init; } = NullLoggerFactory.Instance;

    public AwsRetryOptions Retry { get; init; } = new();

    public InvocationDeadline Deadline { get; init; } = new();

    /// <summary>Jitter source in [0, 1); null for <see cref="Random.Shared"/>.</summary>
    public Func<double>? Jitter { get; init; }

    /// <summary>A fixed SigV4 signing time, for reproducible signatures in tests; null to sign with the current time.</summary>
    public DateTime? FixedSigningTime { get; init; }
}
