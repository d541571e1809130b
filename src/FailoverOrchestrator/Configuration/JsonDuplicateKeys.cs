using System.Text.Json;

namespace FailoverOrchestrator.Configuration;

/// <summary>
/// Finds keys given twice in one object of a configuration file. The configuration is case-insensitive, so
/// <c>CooldownSeconds</c> and <c>cooldownSeconds</c> are the same setting; which one would win is not something an
/// operator should have to know.
/// </summary>
internal static class JsonDuplicateKeys
{
    /// <summary>The setting paths (<c>Orchestrator:Apps:shop:CooldownSeconds</c>) given more than once.</summary>
    public static List<string> Find(byte[] json)
    {
        var found = new List<string>();
        var reader =
            new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var scopes = new Stack<(string Path, HashSet<string>? Keys, int Index)>();
        string? pendingKey = null;
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    pendingKey = reader.GetString()!;
                    NoteKey(scopes.Peek(), pendingKey, found);
                    break;
                case JsonTokenType.StartObject:
                case JsonTokenType.StartArray:
                    var child = ChildPath(scopes, ref pendingKey);
                    scopes.Push(
                        (child, reader.TokenType == JsonTokenType.StartObject
                        ? new HashSet<string>(StringComparer.OrdinalIgnoreCase) : null, 0));
                    break;
                case JsonTokenType.EndObject:
                case JsonTokenType.EndArray:
                    scopes.Pop();
                    break;
                default:
                    ChildPath(scopes, ref pendingKey);
                    break;
            }
        }

        return found;
    }

    /// <summary>Adds the setting path of <paramref name="key"/> to <paramref name="found"/> when its object already has it.</summary>
    private static void NoteKey((string Path, HashSet<string>? Keys, int Index) scope, string key, List<string> found)
    {
        if (scope.Keys is not null && !scope.Keys.Add(key))
        {
            found.Add(scope.Path.Length == 0 ? key : $"{scope.Path}:{key}");
        }
    }

    /// <summary>The path of the value that starts now: the pending key in an object, the next index in an array.</summary>
    private static string ChildPath(Stack<(string Path, HashSet<string>? Keys, int Index)> scopes, ref string? pendingKey)
    {
        if (scopes.Count == 0)
        {
            return string.Empty;
        }

        var (path, keys, index) = scopes.Pop();
        string segment;
        if (keys is null)
        {
            segment = index.ToString(System.Globalization.CultureInfo.InvariantCulture);
            index++;
        }
        else
        {
            segment = pendingKey ?? string.Empty;
            pendingKey = null;
        }

        scopes.Push((path, keys, index));
        return path.Length == 0 ? segment : $"{path}:{segment}";
    }
}
