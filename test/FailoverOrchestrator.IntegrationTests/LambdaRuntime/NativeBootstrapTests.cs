using System.Diagnostics;
using System.Text.RegularExpressions;
using FailoverOrchestrator.LocalCloud.Lambda;

namespace FailoverOrchestrator.IntegrationTests.LambdaRuntime;

/// <summary>
/// Whether the Native AOT <c>bootstrap</c> built on this machine loads on provided.al2023. Unlike the self-contained
/// JIT build, it links against the build machine's C library, and a binary asks the loader for every symbol version it
/// was linked with. AL2023's C library is glibc 2.34 (AWS, "Core toolchain packages glibc, gcc, binutils" in the
/// Amazon Linux 2023 user guide), so no GLIBC_ version above 2.34 may be required. This machine has glibc 2.36; the
/// versions are read from the published binary by GNU binutils' objdump, not by our code.
/// </summary>
public sealed partial class NativeBootstrapTests
{
    /// <summary>The newest glibc on Amazon Linux 2023, which provided.al2023 is built from.</summary>
    private static readonly Version Al2023Glibc = new(2, 34);

    /// <summary>
    /// The shared libraries the bootstrap links today: glibc's (libc, libm, the loader) and zlib (System.IO.Compression's
    /// native part, linked dynamically by .NET 8's ILCompiler). A new one would be a new requirement on the Lambda image.
    /// </summary>
    private static readonly string[] KnownLibraries = ["libc.so.6", "libm.so.6", "libz.so.1", "ld-linux-x86-64.so.2"];

    [Fact]
    public async Task Bootstrap_NativeAotBuild_RequiresNoGlibcNewerThanAl2023s()
    {
        var bootstrap = Path.Combine(await PublishedFunction.TaskRootAsync(LambdaRuntimeKind.ProvidedAl2023NativeAot), "bootstrap");

        var versions = await RequiredGlibcVersionsAsync(bootstrap);

        // Not vacuous: every x86_64 binary asks for the baseline GLIBC_2.2.5.
        Assert.Contains(new Version(2, 2, 5), versions);
        var tooNew = versions.Where(v => v > Al2023Glibc).ToList();
        Assert.True(tooNew.Count == 0,
            $"bootstrap needs GLIBC_{string.Join(", GLIBC_", tooNew)}, newer than AL2023's {Al2023Glibc}: build it in "
                + $"public.ecr.aws/sam/build-dotnet8 or on AL2023 (infra/README.md)");
    }

    [Fact]
    public async Task Bootstrap_NativeAotBuild_LinksOnlyGlibcAndZlib()
    {
        var bootstrap = Path.Combine(await PublishedFunction.TaskRootAsync(LambdaRuntimeKind.ProvidedAl2023NativeAot), "bootstrap");

        var needed = NeededPattern().Matches(await ObjdumpAsync("-p", bootstrap)).Select(m => m.Groups[1].Value).ToList();

        Assert.Contains("libc.so.6", needed);
        Assert.All(needed, library => Assert.Contains(library, KnownLibraries));
    }

    [Fact]
    public async Task RequiredGlibcVersions_BinaryBuiltAgainstNewerGlibc_FindsTheNewerVersion()
    {
        // The control: this machine's own bash (Debian 12) was linked against glibc 2.36 and asks for GLIBC_2.36, so
        // the same check would refuse it.
        var versions = await RequiredGlibcVersionsAsync("/usr/bin/bash");

        Assert.Contains(versions, v => v > Al2023Glibc);
    }

    private static async Task<IReadOnlyList<Version>> RequiredGlibcVersionsAsync(string binary) =>
        GlibcPattern().Matches(await ObjdumpAsync("-T", binary)).Select(m => Version.Parse(m.Groups[1].Value)).Distinct().Order().ToList();

    private static async Task<string> ObjdumpAsync(string option, string binary)
    {
        using var process = Process.Start(
            new ProcessStartInfo("objdump", [option, binary]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"objdump {option} {binary}: {await error}");
        return await output;
    }

    // objdump -T prints an undefined symbol's version in parentheses: "DF *UND*  0000 (GLIBC_2.34) pthread_create".
    [GeneratedRegex(@"\(GLIBC_([0-9]+(?:\.[0-9]+){1,2})\)")]
    private static partial Regex GlibcPattern();

    [GeneratedRegex(@"^\s*NEEDED\s+(\S+)", RegexOptions.Multiline)]
    private static partial Regex NeededPattern();
}
