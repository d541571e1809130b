using FailoverOrchestrator.LocalCloud.Lambda;

namespace FailoverOrchestrator.IntegrationTests.LambdaRuntime;

/// <summary>
/// The function published the way Amazon.Lambda.Tools publishes it (<see cref="LambdaBundle"/>), each build once per
/// test run and shared by every test of the assembly that needs it: framework-dependent for the managed runtime, the
/// self-contained <c>bootstrap</c> for provided.al2023, and the same project compiled with Native AOT.
/// </summary>
internal static class PublishedFunction
{
    // The two JIT builds compile the function's Release build into the same obj folders: one at a time. The Native AOT
    // build restores and compiles with PublishAot, which would make each JIT build after it compile again; it keeps
    // its intermediate files apart (--artifacts-path), so it runs beside them instead of after them.
    private static readonly SemaphoreSlim JitGate = new(1, 1);
    private static readonly SemaphoreSlim AotGate = new(1, 1);
    private static readonly Dictionary<LambdaRuntimeKind, string> Published = [];

    public static string RepositoryRoot { get; } = LambdaBundle.FindRepositoryRoot(AppContext.BaseDirectory)
        ?? throw new DirectoryNotFoundException("FailoverOrchestrator.sln is not above " + AppContext.BaseDirectory);

    /// <summary>The task root of the build for <paramref name="runtime"/>, published on first use.</summary>
    public static async Task<string> TaskRootAsync(LambdaRuntimeKind runtime)
    {
        var aot = runtime == LambdaRuntimeKind.ProvidedAl2023NativeAot;
        var gate = aot ? AotGate : JitGate;
        await gate.WaitAsync();
        try
        {
            string? root;
            lock (Published)
            {
                Published.TryGetValue(runtime, out root);
            }

            if (root is null)
            {
                root = Path.Combine(RepositoryRoot, "artifacts", "test-lambda", runtime.ToString());
                await LambdaBundle.PublishAsync(runtime, RepositoryRoot, root, aot
                    ? Path.Combine(RepositoryRoot, "artifacts", "test-lambda-build") : null);
                lock (Published)
                {
                    Published[runtime] = root;
                }
            }

            return root;
        }
        finally
        {
            gate.Release();
        }
    }
}
