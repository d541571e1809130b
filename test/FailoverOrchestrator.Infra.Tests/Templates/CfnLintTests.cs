using System.Diagnostics;

namespace FailoverOrchestrator.Infra.Tests.Templates;

/// <summary>
/// cfn-lint 1.51.0 (AWS's CloudFormation linter, with the resource schemas it ships) on both templates: an
/// implementation of CloudFormation's rules that this project did not write.
/// </summary>
public class CfnLintTests
{
    public static TheoryData<string> Templates =>
        new() { "template.yaml", "detection-us-east-1.yaml", "routing-control.yaml", "watch-health-record.yaml" };

    [Fact]
    public void Version_TheLinter_IsThePinnedOne()
    {
        var (exit, output) = Lint("--version");

        Assert.Equal(0, exit);
        Assert.Contains("1.51.0", output, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Templates))]
    public void Lint_InfraTemplate_NoErrorAndNoWarning(string file)
    {
        // Informational findings (I*) are not enabled by default; errors (E*) and warnings (W*) are, and none may remain.
        var path = Path.Combine(RepositoryFiles.Root, "infra", file);

        var (exit, output) = Lint("--format", "parseable", "--", path);

        Assert.True(exit == 0 && output.Trim().Length == 0, $"cfn-lint exited {exit}:\n{output}");
    }

    [Fact]
    public void Lint_BrokenTemplate_Reported()
    {
        // The linter must be able to fail here, or a clean run above proves nothing.
        var broken = Path.Combine(Directory.CreateTempSubdirectory("cfn-lint-").FullName, "broken.yaml");
        File.WriteAllText(broken, """
            AWSTemplateFormatVersion: "2010-09-09"
            Resources:
              Alarm:
                Type: AWS::CloudWatch::Alarm
                Properties:
                  ComparisonOperator: LessThan
                  EvaluationPeriods: 1
                  TreatMissingData: breaching
            """);

        var (exit, output) = Lint("--format", "parseable", "--", broken);

        Assert.NotEqual(0, exit);
        Assert.Contains("LessThan", output, StringComparison.Ordinal);
    }

    private static (int Exit, string Output) Lint(params string[] arguments)
    {
        // python3 -m cfnlint has no __main__ in 1.51.0; its console entry point is cfnlint.runner:main.
        var start = new ProcessStartInfo("python3")
        {
            ArgumentList = { "-c", "import sys; from cfnlint.runner import main; sys.argv[0] = 'cfn-lint'; sys.exit(main())" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout + stderr.Result);
    }
}
