using System.Text.Json;
using FailoverOrchestrator.Configuration.Validation;
using Microsoft.Extensions.Configuration;

namespace FailoverOrchestrator.Configuration;

/// <summary>Binds and validates the options once per container: from <c>orchestrator.json</c> beside the assembly (or a given file), then <c>Orchestrator__...</c> environment variables.</summary>
internal static class OrchestratorConfiguration
{
    public const string DefaultFileName = "orchestrator.json";

    /// <summary>Loads, binds and validates; throws <see cref="OrchestratorConfigurationException"/> naming every bad setting.</summary>
    /// <param name="configFile">The file; a relative path is taken from the current directory. Null reads <c>orchestrator.json</c> beside the assembly, if there is one.</param>
    /// <param name="overrides">Settings that win over the file and the environment, later ones over earlier ones.</param>
    /// <param name="functionRegion">The region the function runs in (Lambda's AWS_REGION); null when not run as the function.</param>
    public static OrchestratorOptions Load(
        string? configFile, IEnumerable<KeyValuePair<string, string?>>? overrides = null, string? functionRegion = null)
    {
        // The JSON provider resolves a relative path against the assembly's folder; an operator means the shell's.
        var path = configFile is null ? Path.Combine(AppContext.BaseDirectory, DefaultFileName) : Path.GetFullPath(configFile);
        if (configFile is not null && !File.Exists(path))
        {
            throw new OrchestratorConfigurationException([$"configuration file '{configFile}' does not exist (looked for {path})"]);
        }

        var builder = new ConfigurationBuilder();
        if (File.Exists(path))
        {
            byte[] json;
            try
            {
                json = File.ReadAllBytes(path);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Reported as a configuration error (Lambda's init error), not a crash of the process.
                throw new OrchestratorConfigurationException($"configuration file '{path}' cannot be read: {ex.Message}", ex);
            }

            CheckJson(path, json);
            builder.AddJsonStream(new MemoryStream(json));
        }

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
        IConfigurationSection section;
        try
        {
            section = builder.Build().GetSection(OrchestratorOptions.SectionName);

            // Bind onto an instance, not Get<T>(): the source-generated Get<T> of binder 8.0 resets every number the
            // configuration leaves out to 0 (FunctionTimeoutSeconds 300 became 0), where Bind keeps the default.
            options = new OrchestratorOptions();
            section.Bind(options);
        }
        catch (InvalidOperationException ex)
        {
            throw new OrchestratorConfigurationException($"configuration could not be bound: {ex.Message}", ex);
        }
        catch (Exception ex) when (ex is InvalidDataException or FormatException)
        {
            // Valid JSON the provider still refuses, such as a document that is not an object.
            throw new OrchestratorConfigurationException($"configuration file '{path}' is not a configuration: {ex.Message}", ex);
        }

        var errors = new List<string>();
        OrchestratorSettingShapes.Orchestrator.Check(section, OrchestratorOptions.SectionName, errors);
        if (section[nameof(OrchestratorOptions.Region)] is { } configured && string.IsNullOrWhiteSpace(configured))
        {
            errors.Add($"{OrchestratorOptions.SectionName}:Region: set but empty; name the region of the state and audit tables, or remove the setting to use AWS_REGION ({Environment.GetEnvironmentVariable("AWS_REGION") ?? "not set"})");
        }
        else if (string.IsNullOrWhiteSpace(options.Region))
        {
            options.Region = NonEmpty(Environment.GetEnvironmentVariable("AWS_REGION")) ?? NonEmpty(Environment.GetEnvironmentVariable("AWS_DEFAULT_REGION"));
        }

        foreach (var (name, app) in options.Apps)
        {
            app.Name = name;
        }

        var validation = OrchestratorOptionsValidation.Validate(options);
        FunctionRegionValidator.Validate(validation, options, functionRegion);
        if (errors.Exists(e => e.StartsWith($"{OrchestratorOptions.SectionName}:Region:", StringComparison.Ordinal)))
        {
            validation.RemoveAll(e => e.StartsWith($"{OrchestratorOptions.SectionName}:Region:", StringComparison.Ordinal));
        }

        errors.AddRange(validation);
        if (errors.Count > 0)
        {
            throw new OrchestratorConfigurationException(errors.Distinct(StringComparer.Ordinal).ToList());
        }

        return options;
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private static void CheckJson(string path, byte[] json)
    {
        List<string> duplicates;
        try
        {
            duplicates = JsonDuplicateKeys.Find(json);
        }
        catch (JsonException ex)
        {
            // Line and position counted from 1, as editors count them.
            var detail = ex.Message.Split(" LineNumber:", 2)[0].Split(" Path:", 2)[0].TrimEnd('.', ' ');
            throw new OrchestratorConfigurationException($"configuration file '{path}' is not valid JSON: line {ex.LineNumber + 1}, position {ex.BytePositionInLine + 1}: {detail}", ex);
        }

        if (duplicates.Count > 0)
        {
            throw new OrchestratorConfigurationException(
                duplicates.Select(d => $"{d}: given more than once in '{path}' (keys are case-insensitive); keep one").ToList());
        }
    }
}
