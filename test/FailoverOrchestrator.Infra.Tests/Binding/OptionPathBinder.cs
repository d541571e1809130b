using System.Collections;
using System.ComponentModel;
using System.Globalization;
using System.Reflection;
using FailoverOrchestrator.Configuration;

namespace FailoverOrchestrator.Infra.Tests.Binding;

/// <summary>
/// Follows an <c>Orchestrator__...</c> environment variable name through the option types the way the
/// configuration binder does: a segment is a property (case-insensitive), a dictionary key or a list
/// index, and the path must end on a value the binder can convert (string, number, bool, enum).
/// </summary>
internal static class OptionPathBinder
{
    /// <summary>Returns null when the variable binds, else why it does not.</summary>
    public static string? Explain(string variableName, string? literalValue = null)
    {
        var segments = variableName.Split("__");
        if (segments[0] != OrchestratorOptions.SectionName)
        {
            return $"{variableName}: does not start with {OrchestratorOptions.SectionName}__.";
        }

        var type = typeof(OrchestratorOptions);
        foreach (var segment in segments.Skip(1))
        {
            var next = Step(type, segment);
            if (next is null)
            {
                return $"{variableName}: '{segment}' is not a member, key or index of {type.Name}.";
            }

            type = next;
        }

        var target = Nullable.GetUnderlyingType(type) ?? type;
        if (!IsScalar(target))
        {
            return $"{variableName}: ends on {type.Name}, not a value.";
        }

        var converter = TypeDescriptor.GetConverter(target);
        if (literalValue is not null && !converter.IsValid(literalValue))
        {
            return $"{variableName}: '{literalValue}' is not a valid {target.Name}.";
        }

        return null;
    }

    private static Type? Step(Type type, string segment)
    {
        if (GenericArgument(type, typeof(IDictionary<,>)) is { } dictionary)
        {
            return dictionary[0] == typeof(string) && segment.Length > 0 ? dictionary[1] : null;
        }

        if (GenericArgument(type, typeof(IList<>)) is { } list)
        {
            return int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out _) ? list[0] : null;
        }

        if (IsScalar(Nullable.GetUnderlyingType(type) ?? type))
        {
            return null;
        }

        var property = type.GetProperty(segment, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
        var bindable = property is { CanRead: true } && (property.CanWrite || typeof(IEnumerable).IsAssignableFrom(property.PropertyType));
        return bindable ? property!.PropertyType : null;
    }

    private static Type[]? GenericArgument(Type type, Type openInterface) =>
        type.GetInterfaces()
            .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == openInterface)
            ?.GetGenericArguments();

    private static bool IsScalar(Type type) =>
        type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type == typeof(TimeSpan);
}
