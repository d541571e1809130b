using FailoverOrchestrator.Aws;
using FailoverOrchestrator.Aws.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;

namespace FailoverOrchestrator.Tests.Aws;

/// <summary>Builds the real clients over a <see cref="FakeAwsHandler"/>, fixed credentials and a chosen clock and jitter.</summary>
internal static class AwsTestClients
{
    public const string AccessKey = "AKIDEXAMPLE";
    public const string SecretKey = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    public const string SessionToken = "SESSION-TOKEN-EXAMPLE";

    public static AwsClientFactory Create(
        FakeAwsHandler handler,
        TimeProvider time,
        double jitter = 0.5,
        InvocationDeadline? deadline = null,
        ILoggerFactory? logs = null,
        IAwsCredentialSource? credentials = null,
        IEnvironmentVariables? environment = null,
        Func<double>? jitterSource = null) =>
        new(new AwsClientSettings
        {
            Handler = handler,
            Credentials = credentials ?? new FixedAwsCredentialSource(AccessKey, SecretKey, SessionToken),
            Environment = environment ?? Mock.Of<IEnvironmentVariables>(),
            TimeProvider = time,
            LoggerFactory = logs ?? NullLoggerFactory.Instance,
            Jitter = jitterSource ?? (() => jitter),
            Deadline = deadline ?? new InvocationDeadline(),
        });
}
