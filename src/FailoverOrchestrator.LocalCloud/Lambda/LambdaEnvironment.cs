using System.Globalization;

namespace FailoverOrchestrator.LocalCloud.Lambda;

/// <summary>
/// The environment Lambda starts a runtime with: the function's own variables, then Lambda's reserved ones (which the
/// function's cannot override), and the execution role's temporary credentials unless the function's name others.
/// </summary>
internal static class LambdaEnvironment
{
    public static Dictionary<string, string> For(FunctionProcessOptions options, string runtimeApi)
    {
        var env = new Dictionary<string, string>(options.Environment, StringComparer.Ordinal)
        {
            ["PATH"] = Environment.GetEnvironmentVariable("PATH") ?? "/usr/local/bin:/usr/bin:/bin",
            ["LANG"] = "en_US.UTF-8",
            ["TZ"] = ":UTC",
            ["LAMBDA_TASK_ROOT"] = options.TaskRoot,
            ["_HANDLER"] = options.Handler,
            ["AWS_LAMBDA_RUNTIME_API"] = runtimeApi,
            ["AWS_LAMBDA_FUNCTION_NAME"] = options.FunctionName,
            ["AWS_LAMBDA_FUNCTION_VERSION"] = options.Version,
            ["AWS_LAMBDA_FUNCTION_MEMORY_SIZE"] = options.MemorySizeMb.ToString(CultureInfo.InvariantCulture),
            ["AWS_LAMBDA_LOG_GROUP_NAME"] = "/aws/lambda/" + options.FunctionName,
            ["AWS_LAMBDA_LOG_STREAM_NAME"] = string.Create(
                CultureInfo.InvariantCulture, $"{options.Time.GetUtcNow():yyyy/MM/dd}/[{options.Version}]{Guid.NewGuid():N}"),
            ["AWS_LAMBDA_INITIALIZATION_TYPE"] = "on-demand",
            ["AWS_REGION"] = options.Region,
            ["AWS_DEFAULT_REGION"] = options.Region,
        };
        if (!options.Environment.ContainsKey("AWS_ACCESS_KEY_ID"))
        {
            // The execution role's temporary credentials, as Lambda sets them.
            env["AWS_ACCESS_KEY_ID"] = "ASIALOCALFUNCTION000";
            env["AWS_SECRET_ACCESS_KEY"] = "local-function-secret-key";
            env["AWS_SESSION_TOKEN"] = "local-function-session-token";
        }

        if (options.Runtime == LambdaRuntimeKind.Managed)
        {
            // What the managed runtime's bootstrap.net8.sh exports before `exec dotnet exec`.
            env["DOTNET_ROOT"] = System.IO.Path.GetDirectoryName(DotnetHost.Path())!;
            env["AWS_EXECUTION_ENV"] = "AWS_Lambda_dotnet8";
        }

        return env;
    }
}
