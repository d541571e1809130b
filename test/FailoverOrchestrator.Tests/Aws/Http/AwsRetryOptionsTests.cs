using System.ComponentModel.DataAnnotations;
using FailoverOrchestrator.Aws.Http;

namespace FailoverOrchestrator.Tests.Aws.Http;

public class AwsRetryOptionsTests
{
    [Fact]
    public void Validate_Defaults_Accepted()
    {
        new AwsRetryOptions().Validate();
    }

    [Theory]
    [InlineData(0, 100, 5_000, 10_000, nameof(AwsRetryOptions.MaxAttempts))]
    [InlineData(21, 100, 5_000, 10_000, nameof(AwsRetryOptions.MaxAttempts))]
    [InlineData(5, 0, 5_000, 10_000, nameof(AwsRetryOptions.BaseDelay))]
    [InlineData(5, 100, 400_000, 10_000, nameof(AwsRetryOptions.MaxDelay))]
    [InlineData(5, 100, 5_000, 5, nameof(AwsRetryOptions.AttemptTimeout))]
    [InlineData(5, 200, 100, 10_000, nameof(AwsRetryOptions.MaxDelay))]
    public void Validate_OutOfRange_ThrowsNamingTheSetting(int attempts, int baseMs, int maxMs, int attemptMs, string setting)
    {
        var options = new AwsRetryOptions
        {
            MaxAttempts = attempts,
            BaseDelay = TimeSpan.FromMilliseconds(baseMs),
            MaxDelay = TimeSpan.FromMilliseconds(maxMs),
            AttemptTimeout = TimeSpan.FromMilliseconds(attemptMs),
        };

        var error = Assert.Throws<ValidationException>(options.Validate);

        Assert.Contains(setting, error.Message, StringComparison.Ordinal);
    }
}
