using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace FailoverOrchestrator.Analyzers;

/// <summary>
/// FO0001: a line longer than the limit, <c>max_line_length</c> of .editorconfig (140 when it is not set). Roslyn
/// reads that setting but enforces nothing; this makes the build enforce it. Not checked: generated code, and a line
/// whose overflow lies inside a raw string literal (<c>"""…"""</c>), which holds a payload verbatim (a JSON or XML
/// body compared byte for byte) that a line break would change.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class LineLengthAnalyzer : DiagnosticAnalyzer
{
    /// <summary>The limit when .editorconfig sets none.</summary>
    public const int DefaultLimit = 140;

    /// <summary>The diagnostic's id.</summary>
    public const string DiagnosticId = "FO0001";

    private static readonly DiagnosticDescriptor Rule = new(
        DiagnosticId,
        "Line too long",
        "Line is {0} characters; the limit is {1}",
        "Layout",
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "Wrap the line: a comment at a word, an argument list after a comma, a long string as a concatenation.");

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterSyntaxTreeAction(Analyze);
    }

    private static void Analyze(SyntaxTreeAnalysisContext context)
    {
        var limit = Limit(context.Options.AnalyzerConfigOptionsProvider.GetOptions(context.Tree));
        var text = context.Tree.GetText(context.CancellationToken);
        SyntaxNode? root = null;
        foreach (var line in text.Lines)
        {
            var length = line.End - line.Start;
            if (length <= limit)
            {
                continue;
            }

            root ??= context.Tree.GetRoot(context.CancellationToken);
            if (InRawString(root, line.Start + limit))
            {
                continue;
            }

            var span = TextSpan.FromBounds(line.Start + limit, line.End);
            context.ReportDiagnostic(Diagnostic.Create(Rule, context.Tree.GetLocation(span), length, limit));
        }
    }

    private static bool InRawString(SyntaxNode root, int position)
    {
        var token = root.FindToken(position);
        if (!token.Span.Contains(position))
        {
            return false;
        }

        return token.IsKind(SyntaxKind.SingleLineRawStringLiteralToken)
            || token.IsKind(SyntaxKind.MultiLineRawStringLiteralToken)
            || token.IsKind(SyntaxKind.Utf8SingleLineRawStringLiteralToken)
            || token.IsKind(SyntaxKind.Utf8MultiLineRawStringLiteralToken)
            || token.Parent?.AncestorsAndSelf().OfType<InterpolatedStringExpressionSyntax>().Any(s =>
                s.StringStartToken.IsKind(SyntaxKind.InterpolatedSingleLineRawStringStartToken)
                || s.StringStartToken.IsKind(SyntaxKind.InterpolatedMultiLineRawStringStartToken)) == true;
    }

    private static int Limit(AnalyzerConfigOptions options) =>
        options.TryGetValue("max_line_length", out var value)
        && int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var limit)
        && limit > 0
            ? limit
            : DefaultLimit;
}
