using System.ComponentModel.DataAnnotations;

namespace FailoverOrchestrator.Configuration.Validation;

/// <summary>
/// <see cref="RequiredAttribute"/> (null, empty and white space are missing) whose message names the setting's path:
/// <c>{0}</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false)]
internal sealed class SettingRequiredAttribute : RequiredAttribute
{
    public SettingRequiredAttribute()
    {
        ErrorMessage = "{0}: required";
    }

    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext) =>
        IsValid(value) ? ValidationResult.Success : SettingMessage.Failure(ErrorMessageString, validationContext, value);
}
