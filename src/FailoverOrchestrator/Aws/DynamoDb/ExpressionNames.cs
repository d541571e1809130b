using System.Text.RegularExpressions;

namespace FailoverOrchestrator.Aws.DynamoDb;

/// <summary>
/// Every attribute in an expression is written as a placeholder, <c>#name</c> for the attribute <c>name</c>, so that
/// no attribute can collide with one of DynamoDB's reserved words. The placeholders map to the item's own set of
/// attribute constants; DynamoDB refuses names that an expression does not use, so only the used ones are sent.
/// </summary>
internal static partial class ExpressionNames
{
    /// <summary>The <c>ExpressionAttributeNames</c> of <paramref name="expressions"/>, or null when they name no attribute.</summary>
    /// <exception cref="ArgumentException">A placeholder names no attribute of <paramref name="attributes"/>.</exception>
    public static Dictionary<string, string>? For(IReadOnlySet<string> attributes, params string?[] expressions)
    {
        Dictionary<string, string>? names = null;
        foreach (var expression in expressions)
        {
            foreach (Match match in Placeholder().Matches(expression ?? string.Empty))
            {
                var attribute = match.Groups["name"].Value;
                if (!attributes.Contains(attribute))
                {
                    throw new ArgumentException($"The expression names '#{attribute}', which is not an attribute of the item.",
                        nameof(expressions));
                }

                names ??= new(StringComparer.Ordinal);
                names[match.Value] = attribute;
            }
        }

        return names;
    }

    [GeneratedRegex("#(?<name>[A-Za-z][A-Za-z0-9]*)", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();
}
