using System.Collections.Immutable;
using FailoverOrchestrator.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FailoverOrchestrator.Analyzers.Tests;

public sealed class LineLengthAnalyzerTests
{
    [Fact]
    public async Task Analyze_LineOf140Characters_ReportsNothing()
    {
        var diagnostics = await AnalyzeAsync(LineOf(140));

        Assert.Empty(diagnostics);
    }

    [Fact]
    public async Task Analyze_LineOf141Characters_ReportsFO0001WithLengthAndLimit()
    {
        var diagnostics = await AnalyzeAsync(LineOf(141));

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("FO0001", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Equal("Line is 141 characters; the limit is 140", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(1, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Equal(140, diagnostic.Location.GetLineSpan().StartLinePosition.Character);
    }

    [Fact]
    public async Task Analyze_MaxLineLengthInEditorConfig_UsesThatLimit()
    {
        var diagnostics = await AnalyzeAsync(LineOf(101), maxLineLength: "100");

        Assert.Equal("Line is 101 characters; the limit is 100",
            Assert.Single(diagnostics).GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Analyze_GeneratedFile_ReportsNothing()
    {
        var diagnostics = await AnalyzeAsync(LineOf(200), path: "Thing.g.cs");

        Assert.Empty(diagnostics);
    }

    [Fact]
    public async Task Analyze_OverflowInsideRawString_ReportsNothing()
    {
        var source = "internal static class C\n{\n    const string Body = \"\"\"{\"a\":\"" + new string('x', 140) + "\"}\"\"\";\n}\n";

        var diagnostics = await AnalyzeAsync(source);

        Assert.Empty(diagnostics);
    }

    [Fact]
    public async Task Analyze_OverflowInsideMultiLineUtf8RawString_ReportsNothing()
    {
        var source = "internal static class C\n{\n    static byte[] Body => \"\"\"\n        {\"a\":\""
            + new string('x', 140) + "\"}\n        \"\"\"u8.ToArray();\n}\n";

        var diagnostics = await AnalyzeAsync(source);

        Assert.Empty(diagnostics);
    }

    [Fact]
    public async Task Analyze_OverflowInsideRegularString_ReportsFO0001()
    {
        var source = "internal static class C\n{\n    const string Body = \"" + new string('x', 140) + "\";\n}\n";

        var diagnostics = await AnalyzeAsync(source);

        Assert.Equal("FO0001", Assert.Single(diagnostics).Id);
    }

    /// <summary>A class whose second line, a comment, is exactly <paramref name="length"/> characters.</summary>
    private static string LineOf(int length)
    {
        const string Prefix = "    // ";
        return "internal static class C\n" + Prefix + new string('x', length - Prefix.Length) + "\n{\n}\n";
    }

    private static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(string source, string? maxLineLength = null, string path = "C.cs")
    {
        var tree = CSharpSyntaxTree.ParseText(source, path: path);
        var compilation = CSharpCompilation.Create(
            "Sample",
            [tree],
            [MetadataReference.CreateFromFile(typeof(object).Assembly.Location)],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var options = new AnalyzerOptions([], new ConfigOptions(maxLineLength));
        var analyzers = compilation.WithAnalyzers([new LineLengthAnalyzer()], options);
        return await analyzers.GetAnalyzerDiagnosticsAsync();
    }

    private sealed class ConfigOptions(string? maxLineLength) : AnalyzerConfigOptionsProvider
    {
        private readonly Options _options = new(maxLineLength);

        public override AnalyzerConfigOptions GlobalOptions => _options;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => _options;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => _options;
    }

    private sealed class Options(string? maxLineLength) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, out string value)
        {
            value = maxLineLength ?? string.Empty;
            return key == "max_line_length" && maxLineLength is not null;
        }
    }
}
