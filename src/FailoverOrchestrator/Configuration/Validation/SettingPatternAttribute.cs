using System.ComponentModel.DataAnnotations;

namespace FailoverOrchestrator.Configuration.Validation;

/// <summary>
/// <see cref="RegularExpressionAttribute"/> (the whole value must match; an empty value is left to
/// <see cref="SettingRequiredAttribute"/>) whose message names the setting's path <c>{0}</c> and value <c>{1}</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false)]
internal sealed class SettingPatternAttribute : RegularExpressionAttribute
{
    public SettingPatternAttribute(string pattern)
        : base(pattern)
    {
        ErrorMessage = "{0}: '{1}' does not match {2}";
        MatchTimeoutInMilliseconds = 1000;
    }

    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext) =>
        IsValid(value) ? ValidationResult.Success : SettingMessage.Failure(ErrorMessageString, validationContext, value, Pattern);
}
