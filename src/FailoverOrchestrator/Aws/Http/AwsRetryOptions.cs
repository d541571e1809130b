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
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Gets or sets the cap of any one delay.</summary>
    /// <value>The default is 5 seconds.</value>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Gets or sets how long one attempt may take before it is abandoned and retried.</summary>
    /// <value>The default is 10 seconds.</value>
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

        // TimeSpan ranges are checked here rather than by [Range(typeof(TimeSpan), ...)], whose constructor needs
        // reflection (a trim and Native AOT warning).
        InRange(nameof(BaseDelay), BaseDelay, TimeSpan.FromMilliseconds(1), TimeSpan.FromMinutes(1));
        InRange(nameof(MaxDelay), MaxDelay, TimeSpan.FromMilliseconds(1), TimeSpan.FromMinutes(5));
        InRange(nameof(AttemptTimeout), AttemptTimeout, TimeSpan.FromMilliseconds(10), TimeSpan.FromMinutes(5));
        if (MaxDelay < BaseDelay)
        {
            throw new ValidationException($"{nameof(MaxDelay)} ({MaxDelay}) must not be less than {nameof(BaseDelay)} ({BaseDelay}).");
        }
    }

    private static void InRange(string setting, TimeSpan value, TimeSpan min, TimeSpan max)
    {
        if (value < min || value > max)
        {
            throw new ValidationException($"{setting} ({value}) must be between {min} and {max}.");
        }
    }
}
