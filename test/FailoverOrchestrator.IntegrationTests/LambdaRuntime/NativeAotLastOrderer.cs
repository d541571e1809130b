using FailoverOrchestrator.LocalCloud.Lambda;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace FailoverOrchestrator.IntegrationTests.LambdaRuntime;

/// <summary>
/// Runs a class's Native AOT cases after its JIT cases. The AOT build takes the longest to publish (ILCompiler); with
/// its cases last, the JIT cases run while another class's first AOT case (<see cref="NativeBootstrapTests"/>) has it
/// compiling beside them, instead of the whole class waiting for it.
/// </summary>
public sealed class NativeAotLastOrderer : ITestCaseOrderer
{
    public IEnumerable<TTestCase> OrderTestCases<TTestCase>(IEnumerable<TTestCase> testCases)
        where TTestCase : ITestCase =>
        testCases
            .OrderBy(c => c.TestMethodArguments?.OfType<LambdaRuntimeKind>().Contains(LambdaRuntimeKind.ProvidedAl2023NativeAot) == true
                ? 1 : 0)
            .ThenBy(c => c.DisplayName, StringComparer.Ordinal);
}
