using FailoverOrchestrator.Cli;
using FailoverOrchestrator.LocalCloud.Lambda;

namespace FailoverOrchestrator.IntegrationTests.Drill;

public class CliArgumentsTests
{
    [Theory]
    [InlineData("managed", LambdaRuntimeKind.Managed)]
    [InlineData("bootstrap", LambdaRuntimeKind.ProvidedAl2023)]
    [InlineData("aot", LambdaRuntimeKind.ProvidedAl2023NativeAot)]
    public void Parse_RuntimeName_SelectsThatBuild(string name, LambdaRuntimeKind expected)
    {
        var options = CliArguments.Parse(["--scenario", "all", "--runtime", name, "--task-root", "/var/task"]);

        Assert.Null(options.Error);
        Assert.Equal((expected, "/var/task"), (options.Runtime, options.TaskRoot));
    }

    [Theory]
    [InlineData("native")]
    [InlineData("")]
    public void Parse_UnknownOrMissingRuntime_ErrorNamingTheChoices(string name)
    {
        var options = CliArguments.Parse(name.Length == 0 ? ["--runtime"] : ["--runtime", name]);

        Assert.Equal("--runtime needs one of managed, bootstrap, aot", options.Error);
    }

    [Fact]
    public void Parse_NoRuntime_TheManagedBuild()
    {
        Assert.Equal(LambdaRuntimeKind.Managed, CliArguments.Parse(["--scenario", "failback"]).Runtime);
    }

    [Fact]
    public async Task ResolveAsync_TaskRootWithoutTheBootstrap_NullAndNothingPublished()
    {
        var empty = Directory.CreateTempSubdirectory("fo-task-root-").FullName;
        try
        {
            var build = await FunctionBuild.ResolveAsync(CliArguments.Parse(["--runtime", "aot", "--task-root", empty]), TextWriter.Null, CancellationToken.None);

            Assert.Null(build);
            Assert.Empty(Directory.EnumerateFileSystemEntries(empty));
        }
        finally
        {
            Directory.Delete(empty);
        }
    }
}
