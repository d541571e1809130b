using FailoverOrchestrator.LocalCloud.Lambda;

namespace FailoverOrchestrator.IntegrationTests.LambdaRuntime;

/// <summary>
/// The function published the way Amazon.Lambda.Tools publishes it (<see cref="LambdaBundle"/>), each build once per
/// test run and shared by every test of the assembly that needs it: framework-dependent for the managed runtime, the
/// self-contained <c>bootstrap</c> for provided.al2023, and the same project compiled with Native AOT. One build at a
/// time: all three compile the function's Release build into the same folder.
/// </summary>
internal static class PublishedFunction
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static readonly Dictionary<LambdaRuntimeKind, string> Published = [];

    public static string RepositoryRoot { get; } = LambdaBundle.FindRepositoryRoot(AppContext.BaseDirectory)
        ?? throw new DirectoryNotFoundException("FailoverOrchestrator.sln is not above " + AppContext.BaseDirectory);

    /// <summary>The task root of the build for <paramref name="runtime"/>, published on first use.</summary>
    public static async Task<string> TaskRootAsync(LambdaRuntimeKind runtime)
    {
        await Gate.WaitAsync();
        try
        {
            if (!Published.TryGetValue(runtime, out var root))
            {
                root = Path.Combine(RepositoryRoot, "artifacts", "test-lambda", runtime.ToString());
                await LambdaBundle.PublishAsync(runtime, RepositoryRoot, root);
                Published[runtime] = root;
            }

            return root;
        }
        finally
        {
            Gate.Release();
        }
    }
}
