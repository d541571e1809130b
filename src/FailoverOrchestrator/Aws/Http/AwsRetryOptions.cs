using System.ComponentModel.DataAnnotations;

namespace FailoverOrchestrator.Aws.Http;

/// <summary>Retries of AWS calls: capped exponential backoff with full jitter and a timeout per attempt.</summary>
internal sealed class AwsRetryOptions
{
    /// <summary>Gets or sets the number of attempts, the first included.</summary>
    /// <value>The default is 5.</value>
    [Range(1, 20)]
    public int MaxAttempts { get; set; } = 5;

    /// <summary>Gets or sets the ceiling of the first retry's delay; it doubles on every retry up to <see cref="MaxDelay"/>.</summary>
    /// <value>The default is 100 milliseconds.</value>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:01:00")]
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Gets or sets the cap of any one delay.</summary>
    /// <value>The default is 5 seconds.</value>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:05:00")]
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Gets or sets how long one attempt may take before it is abandoned and retried.</summary>
    /// <value>The default is 10 seconds.</value>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:05:00")]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Throws a <see cref="ValidationException"/> naming the settings out of range.</summary>
    public void Validate()
    {
        // The source-generated validator reads the attributes above without reflection, so it survives trimming and Native AOT.
        var ranges = new AwsRetryOptionsValidator().Validate(null, this);
        if (ranges.Failed)
        {
            throw new ValidationException(ranges.FailureMessage);
        }

        if (MaxDelay < BaseDelay)
        {
            throw new ValidationException($"{nameof(MaxDelay)} ({MaxDelay}) must not be less than {nameof(BaseDelay)} ({BaseDelay}).");
        }
    }
}
