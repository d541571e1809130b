using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;

namespace FailoverOrchestrator.Configuration.Validation;

/// <summary>
/// The setting is an SNS topic ARN of the aws partition, in one of its regions; an empty value is left to <see
/// cref="SettingRequiredAttribute"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false)]
internal sealed partial class SnsTopicArnAttribute : ValidationAttribute
{
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext)
    {
        if (value is not string { Length: > 0 } arn)
        {
            return ValidationResult.Success;
        }

        if (TopicArnPattern().Match(arn) is not { Success: true } topic)
        {
            return SettingMessage.Failure("{0}: '{1}' is not an SNS topic ARN " +
                "(arn:aws:sns:<region>:<account>:<name>)", validationContext, arn);
        }

        var partition = topic.Groups["partition"].Value;
        if (partition != "aws")
        {
            return SettingMessage.Failure("{0}: partition '{2}' is not supported; only the aws " +
                "partition's endpoints are called", validationContext, arn, partition);
        }

        return AwsRegions.Problem(topic.Groups["region"].Value) is { } problem
            ? SettingMessage.Failure("{0}: {2}", validationContext, arn, problem)
            : ValidationResult.Success;
    }

    [GeneratedRegex("^arn:(?<partition>aws[a-z-]*):sns:(?<region>[a-z0-9-]+):[0-9]{12}:[A-Za-z0-9_-]{1,256}$")]
    private static partial Regex TopicArnPattern();
}
