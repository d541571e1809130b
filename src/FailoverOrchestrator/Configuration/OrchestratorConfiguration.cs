using Microsoft.Extensions.Configuration;

namespace FailoverOrchestrator.Configuration;

/// <summary>Binds and validates the options once per container: from <c>orchestrator.json</c> beside the assembly (or a given file), then <c>Orchestrator__...</c> environment variables.</summary>
internal static class OrchestratorConfiguration
{
    public const string DefaultFileName = "orchestrator.json";

    /// <summary>Loads, binds and validates; throws <see cref="OrchestratorConfigurationException"/> naming every bad setting.</summary>
    public static OrchestratorOptions Load(string? configFile, IEnumerable<KeyValuePair<string, string?>>? overrides = null)
    {
        var path = configFile ?? Path.Combine(AppContext.BaseDirectory, DefaultFileName);
        var builder = new ConfigurationBuilder();
        if (configFile is not null && !File.Exists(configFile))
        {
            throw new OrchestratorConfigurationException([$"configuration file '{configFile}' does not exist"]);
        }

        builder.AddJsonFile(path, optional: configFile is null, reloadOnChange: false);
        builder.AddEnvironmentVariables();
        if (overrides is not null)
        {
            // A later override of the same setting wins, as a later configuration source would.
            var merged = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
            foreach (var (key, value) in overrides)
            {
                merged[key] = value;
            }

            builder.AddInMemoryCollection(merged);
        }

        OrchestratorOptions options;
        try
        {
            var configuration = builder.Build();
            options = configuration.GetSection(OrchestratorOptions.SectionName).Get<OrchestratorOptions>() ?? new OrchestratorOptions();
        }
        catch (InvalidOperationException ex)
        {
            throw new OrchestratorConfigurationException($"configuration could not be bound: {ex.Message}", ex);
        }
        catch (InvalidDataException ex)
        {
            throw new OrchestratorConfigurationException($"configuration file '{path}' is not valid JSON: {JsonSyntaxError(ex)}", ex);
        }

        options.Region ??= Environment.GetEnvironmentVariable("AWS_REGION") ?? Environment.GetEnvironmentVariable("AWS_DEFAULT_REGION");
        foreach (var (name, app) in options.Apps)
        {
            app.Name = name;
        }

        var errors = OrchestratorOptionsValidator.Validate(options);
        if (errors.Count > 0)
        {
            throw new OrchestratorConfigurationException(errors);
        }

        return options;
    }

    /// <summary>Where the JSON parser stopped, 1-based as editors count, from the exception the JSON provider wraps twice.</summary>
    private static string JsonSyntaxError(Exception ex)
    {
        for (Exception? cause = ex; cause is not null; cause = cause.InnerException)
        {
            if (cause is System.Text.Json.JsonException { LineNumber: { } line, BytePositionInLine: { } position } json)
            {
                var detail = json.Message.Split(" LineNumber:", 2)[0].Split(" Path:", 2)[0].TrimEnd('.', ' ');
                return $"line {line + 1}, position {position + 1}: {detail}";
            }
        }

        return ex.InnerException?.Message ?? ex.Message;
    }
}
