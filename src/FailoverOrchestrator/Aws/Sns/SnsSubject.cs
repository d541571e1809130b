namespace FailoverOrchestrator.Aws.Sns;

/// <summary>
/// SNS's rule for a message subject, in one place: 1 to 100 printable ASCII characters, no line breaks or control
/// characters (Publish refuses anything else with InvalidParameter).
/// </summary>
internal static class SnsSubject
{
    public const int MaxLength = 100;

    public static bool IsValid(string subject) =>
        subject.Length is > 0 and <= MaxLength && subject.All(IsPrintable);

    /// <summary>Makes <paramref name="text"/> valid: other characters become <c>?</c>, and a long one is cut with <c>...</c>.</summary>
    public static string Fit(string text)
    {
        var printable = new string(text.Select(c => IsPrintable(c) ? c : '?').ToArray());
        return printable.Length <= MaxLength ? printable : printable[..(MaxLength - 3)] + "...";
    }

    private static bool IsPrintable(char c) => c is >= ' ' and <= '~';
}
