using System.ComponentModel.DataAnnotations;

namespace FailoverOrchestrator.Configuration.Validation;

/// <summary>
/// The setting names a region of the aws partition (<see cref="AwsRegions"/>); an empty value is left to <see
/// cref="SettingRequiredAttribute"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false)]
internal sealed class AwsRegionAttribute : ValidationAttribute
{
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext) =>
        value is string { Length: > 0 } region && AwsRegions.Problem(region) is { } problem
            ? SettingMessage.Failure("{0}: {2}", validationContext, value, problem)
            : ValidationResult.Success;
}
