using System.ComponentModel.DataAnnotations;

namespace FailoverOrchestrator.Configuration.Validation;

/// <summary>No entry of a list of names is empty or white space; the message's <c>{2}</c> is the first empty entry's index.</summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false)]
internal sealed class NoEmptyEntryAttribute() : ValidationAttribute("{0}:{2}: empty")
{
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext)
    {
        var index = 0;
        foreach (var entry in value as IEnumerable<string?> ?? [])
        {
            if (string.IsNullOrWhiteSpace(entry))
            {
                return SettingMessage.Failure(ErrorMessageString, validationContext, entry, index);
            }

            index++;
        }

        return ValidationResult.Success;
    }
}
