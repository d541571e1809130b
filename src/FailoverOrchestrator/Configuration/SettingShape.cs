using Microsoft.Extensions.Configuration;

namespace FailoverOrchestrator.Configuration;

/// <summary>
/// The shape of one level of the settings: a value, an object with named members, a map with any keys, or a list
/// indexed 0, 1, ... Walking the bound configuration against it finds every key the options do not have, so a misspelt
/// setting fails at cold start instead of silently keeping its default.
/// </summary>
internal sealed class SettingShape
{
    private SettingShape(IReadOnlyDictionary<string, SettingShape>? members, SettingShape? entries, bool isList)
    {
        Members = members;
        Entries = entries;
        IsList = isList;
    }

    public static SettingShape Value { get; } = new(null, null, false);

    /// <summary>The members of an object; null for a value, a map or a list.</summary>
    public IReadOnlyDictionary<string, SettingShape>? Members { get; }

    /// <summary>The shape of each entry of a map or a list.</summary>
    public SettingShape? Entries { get; }

    public bool IsList { get; }

    public static SettingShape Object(params (string Name, SettingShape Shape)[] members) =>
        new(members.ToDictionary(m => m.Name, m => m.Shape, StringComparer.OrdinalIgnoreCase), null, false);

    public static SettingShape Map(SettingShape entries) => new(null, entries, false);

    public static SettingShape List(SettingShape entries) => new(null, entries, true);

    /// <summary>Adds an error for every key under <paramref name="section"/> that this shape does not have.</summary>
    public void Check(IConfigurationSection section, string path, List<string> errors)
    {
        foreach (var child in section.GetChildren())
        {
            var at = $"{path}:{child.Key}";
            if (Members is not null)
            {
                if (Members.TryGetValue(child.Key, out var member))
                {
                    member.Check(child, at, errors);
                }
                else
                {
                    errors.Add(
                        $"{at}: not a setting (a misspelt key would silently keep its default); settings here are "
                        + $"{string.Join(", ", Members.Keys)}");
                }
            }
            else if (Entries is not null)
            {
                if (IsList
                    && !int.TryParse(
                    child.Key, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out _))
                {
                    errors.Add($"{at}: '{child.Key}' is not a list index (0, 1, ...)");
                    continue;
                }

                Entries.Check(child, at, errors);
            }
            else
            {
                errors.Add($"{at}: {path} is a single value and has no settings under it");
            }
        }
    }
}
