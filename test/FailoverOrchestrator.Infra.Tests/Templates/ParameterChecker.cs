using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace FailoverOrchestrator.Infra.Tests.Templates;

/// <summary>
/// Checks values against a template's parameter declarations as CloudFormation does when it creates a
/// stack: a Number is a number within MinValue and MaxValue, a value is one of AllowedValues and
/// matches the whole AllowedPattern. Used on the defaults and on the values an operator passes.
/// </summary>
internal static class ParameterChecker
{
    private static readonly TimeSpan PatternTimeout = TimeSpan.FromSeconds(1);

    /// <summary>Checks every parameter's Default against its own declaration.</summary>
    public static IReadOnlyList<string> CheckDefaults(CfnTemplate template) =>
        template.Parameters
            .Where(p => p.Value?["Default"] is not null)
            .Select(p => Explain(template, p.Key, Intrinsic.Text(p.Value!["Default"]) ?? string.Empty))
            .OfType<string>()
            .ToList();

    /// <summary>Returns null when <paramref name="value"/> is acceptable for the parameter, else why not.</summary>
    public static string? Explain(CfnTemplate template, string name, string value)
    {
        if (template.Parameters[name] is not JsonObject declaration)
        {
            return $"{name} is not a parameter.";
        }

        var type = Intrinsic.Text(declaration["Type"]);
        if (type == "Number")
        {
            if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            {
                return $"{name}: '{value}' is not a number.";
            }

            if (Bound(declaration, "MinValue") is { } min && number < min)
            {
                return $"{name}: {value} is below MinValue {min}.";
            }

            if (Bound(declaration, "MaxValue") is { } max && number > max)
            {
                return $"{name}: {value} is above MaxValue {max}.";
            }
        }

        if (declaration["AllowedValues"] is JsonArray allowed && !allowed.Select(Intrinsic.Text).Contains(value))
        {
            return $"{name}: '{value}' is not one of its AllowedValues.";
        }

        if (Intrinsic.Text(declaration["AllowedPattern"]) is { } pattern
            && !Regex.IsMatch(value, $"^(?:{pattern})$", RegexOptions.None, PatternTimeout))
        {
            return $"{name}: '{value}' does not match {pattern}.";
        }

        return null;
    }

    private static double? Bound(JsonObject declaration, string key) =>
        Intrinsic.Text(declaration[key]) is { } text ? double.Parse(text, CultureInfo.InvariantCulture) : null;
}
