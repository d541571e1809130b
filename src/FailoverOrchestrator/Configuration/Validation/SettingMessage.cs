using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace FailoverOrchestrator.Configuration.Validation;

/// <summary>
/// The failure of one setting, as the configuration error lists it: the message format's <c>{0}</c> is the setting's path,
/// <c>{1}</c> the value, then the attribute's own arguments. The result names no member, so the options result keeps
/// the message as it is instead of prefixing the member's bare name.
/// </summary>
internal static class SettingMessage
{
    public static ValidationResult Failure(string format, ValidationContext context, object? value, params object?[] arguments) =>
        new(string.Format(CultureInfo.InvariantCulture, format, [SettingPath.Of(context), Show(value), .. arguments]));

    private static object? Show(object? value) => value switch
    {
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        _ => value,
    };
}
