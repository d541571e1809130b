using System.ComponentModel.DataAnnotations;

namespace FailoverOrchestrator.Configuration.Validation;

/// <summary>
/// <see cref="RangeAttribute"/> whose message names the setting's path and its value: <c>{0}</c> path, <c>{1}</c> value,
/// <c>{2}</c> minimum, <c>{3}</c> maximum. Only the int and double constructors: they convert without reflection.
/// </summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false)]
internal sealed class SettingRangeAttribute : RangeAttribute
{
    public SettingRangeAttribute(int minimum, int maximum)
        : base(minimum, maximum)
    {
        ErrorMessage = "{0}: {1} must be between {2} and {3}";
    }

    public SettingRangeAttribute(double minimum, double maximum)
        : base(minimum, maximum)
    {
        ErrorMessage = "{0}: {1} must be between {2} and {3}";
    }

    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext) =>
        IsValid(value) ? ValidationResult.Success : SettingMessage.Failure(ErrorMessageString, validationContext, value, Minimum, Maximum);
}
