using System.Collections;
using System.ComponentModel.DataAnnotations;

namespace FailoverOrchestrator.Configuration.Validation;

/// <summary>
/// A list or map of the setting has between <c>minimum</c> and <c>maximum</c> entries; the message's <c>{1}</c> is the
/// count, <c>{2}</c> and <c>{3}</c> the bounds. Reads <see cref="ICollection.Count"/>, without reflection.
/// </summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false)]
internal sealed class SettingCountAttribute(int minimum, int maximum) : ValidationAttribute("{0}: {1} entries given, {2} to {3} allowed")
{
    public int Minimum { get; } = minimum;

    public int Maximum { get; } = maximum;

    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext)
    {
        var count = (value as ICollection)?.Count ?? 0;
        return count >= Minimum && count <= Maximum
            ? ValidationResult.Success
            : SettingMessage.Failure(ErrorMessageString, validationContext, count, Minimum, Maximum);
    }
}
