using FailoverOrchestrator.Aws.Http;
using FailoverOrchestrator.Runtime;

return await LambdaRuntimeHost.RunAsync(SystemEnvironmentVariables.Instance, CancellationToken.None);
