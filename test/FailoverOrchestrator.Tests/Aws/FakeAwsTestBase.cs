using FailoverOrchestrator.Aws;
using FailoverOrchestrator.Aws.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace FailoverOrchestrator.Tests.Aws;

/// <summary>A fake clock at <see cref="Start"/>, a scripted transport, and the real clients over both.</summary>
public abstract class FakeAwsTestBase : IDisposable
{
    internal static readonly DateTimeOffset Start = new(2024, 5, 1, 12, 0, 0, TimeSpan.Zero);

    internal FakeTimeProvider Time { get; } = new(Start);

    internal FakeAwsHandler Handler { get; }

    protected FakeAwsTestBase()
    {
        Handler = new FakeAwsHandler(Time);
    }

    public void Dispose()
    {
        Handler.Dispose();
        GC.SuppressFinalize(this);
    }

    internal AwsClientFactory CreateSut(
        double jitter = 0.5,
        InvocationDeadline? deadline = null,
        ILoggerFactory? logs = null,
        IAwsCredentialSource? credentials = null,
        IEnvironmentVariables? environment = null,
        Func<double>? jitterSource = null) =>
        new(new AwsClientSettings
        {
            Handler = Handler,
            Credentials = credentials
                ?? new FixedAwsCredentialSource(TestCredentials.AccessKey, TestCredentials.SecretKey, TestCredentials.SessionToken),
            Environment = environment ?? Mock.Of<IEnvironmentVariables>(),
            TimeProvider = Time,
            LoggerFactory = logs ?? NullLoggerFactory.Instance,
            Jitter = jitterSource ?? (() => jitter),
            Deadline = deadline ?? new InvocationDeadline(),
        });
}
