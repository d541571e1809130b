using System.Text.Json;
using FailoverOrchestrator.Aws.Http;
using FailoverOrchestrator.Configuration.Validation;
using Microsoft.Extensions.Configuration;

namespace FailoverOrchestrator.Configuration;

/// <summary>
/// Binds and validates the options once per container: from <c>orchestrator.json</c> beside the assembly (or a given
/// file), then <c>Orchestrator__...</c> environment variables.
/// </summary>
internal static class OrchestratorConfiguration
{
    public const string DefaultFileName = "orchestrator.json";

    private const string RegionPath = $"{OrchestratorOptions.SectionName}:{nameof(OrchestratorOptions.Region)}:";

    /// <summary>Loads, binds and validates; throws <see cref="OrchestratorConfigurationException"/> naming every bad setting.</summary>
    /// <param name="configFile">
    /// The file; a relative path is taken from the current directory. Null reads <c>orchestrator.json</c> beside the
    /// assembly, if there is one.
    /// </param>
    /// <param name="overrides">Settings that win over the file and the environment, later ones over earlier ones.</param>
    /// <param name="functionRegion">The region the function runs in (Lambda's AWS_REGION); null when not run as the function.</param>
    /// <param name="environment">
    /// The environment variables (<c>Orchestrator__...</c> settings, <c>AWS_REGION</c>); null reads the process's.
    /// </param>
    public static OrchestratorOptions Load(
        string? configFile,
        IEnumerable<KeyValuePair<string, string?>>? overrides = null,
        string? functionRegion = null,
        IEnvironmentVariables? environment = null)
    {
        environment ??= SystemEnvironmentVariables.Instance;
        var builder = new ConfigurationBuilder();
        var path = AddFile(builder, configFile);
        builder.AddInMemoryCollection(EnvironmentSettings(environment));
        if (overrides is not null)
        {
            // A later override of the same setting wins, as a later configuration source would.
            builder.AddInMemoryCollection(Merge(overrides));
        }

        var (options, section) = Bind(builder, path);
        var errors = new List<string>();
        OrchestratorSettingShapes.Orchestrator.Check(section, OrchestratorOptions.SectionName, errors);
        ResolveRegion(section, options, environment, errors);
        foreach (var (name, app) in options.Apps)
        {
            app.Name = name;
        }

        var validation = OrchestratorOptionsValidation.Validate(options);
        FunctionRegionValidator.Validate(validation, options, functionRegion);
        if (errors.Exists(e => e.StartsWith(RegionPath, StringComparison.Ordinal)))
        {
            // "Set but empty" says more than "not set".
            validation.RemoveAll(e => e.StartsWith(RegionPath, StringComparison.Ordinal));
        }

        errors.AddRange(validation);
        return errors.Count == 0 ? options : throw new OrchestratorConfigurationException(errors.Distinct(StringComparer.Ordinal).ToList());
    }

    /// <summary>Adds the file, checked first for JSON errors and duplicate keys; returns its full path.</summary>
    private static string AddFile(ConfigurationBuilder builder, string? configFile)
    {
        // The JSON provider resolves a relative path against the assembly's folder; an operator means the shell's.
        var path = configFile is null ? Path.Combine(AppContext.BaseDirectory, DefaultFileName) : Path.GetFullPath(configFile);
        if (configFile is not null && !File.Exists(path))
        {
            throw new OrchestratorConfigurationException([$"configuration file '{configFile}' does not exist (looked for {path})"]);
        }

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

        return path;
    }

    /// <summary>The variables as the environment-variables provider reads them: <c>__</c> separates the levels of a key.</summary>
    private static Dictionary<string, string?> EnvironmentSettings(IEnvironmentVariables environment) =>
        Merge(environment.GetEnvironmentVariables()
            .Select(v => KeyValuePair.Create(v.Key.Replace("__", ":", StringComparison.Ordinal), (string?)v.Value)));

    private static Dictionary<string, string?> Merge(IEnumerable<KeyValuePair<string, string?>> settings)
    {
        var merged = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in settings)
        {
            merged[key] = value;
        }

        return merged;
    }

    private static (OrchestratorOptions Options, IConfigurationSection Section) Bind(ConfigurationBuilder builder, string path)
    {
        try
        {
            var section = builder.Build().GetSection(OrchestratorOptions.SectionName);

            // Bind onto an instance, not Get<T>(): the source-generated Get<T> of binder 8.0 resets every number the
            // configuration leaves out to 0 (FunctionTimeoutSeconds 300 became 0), where Bind keeps the default.
            var options = new OrchestratorOptions();
            section.Bind(options);
            return (options, section);
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
    }

    /// <summary>
    /// An unset region is the function's own (<c>AWS_REGION</c>, as Lambda sets it); a region set but empty is a
    /// mistake.
    /// </summary>
    private static void ResolveRegion(
        IConfigurationSection section, OrchestratorOptions options, IEnvironmentVariables environment, List<string> errors)
    {
        var awsRegion = environment.GetEnvironmentVariable("AWS_REGION");
        if (section[nameof(OrchestratorOptions.Region)] is { } configured && string.IsNullOrWhiteSpace(configured))
        {
            errors.Add($"{RegionPath} set but empty; name the region of the state and audit tables, or remove the setting to use " +
                $"AWS_REGION ({awsRegion ?? "not set"})");
        }
        else if (string.IsNullOrWhiteSpace(options.Region))
        {
            options.Region = NonEmpty(awsRegion) ?? NonEmpty(environment.GetEnvironmentVariable("AWS_DEFAULT_REGION"));
        }
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
            throw new OrchestratorConfigurationException($"configuration file '{path}' is not valid JSON: line {ex.LineNumber + 1}, " +
                $"position {ex.BytePositionInLine + 1}: {detail}", ex);
        }

        if (duplicates.Count > 0)
        {
            throw new OrchestratorConfigurationException(
                duplicates.Select(d => $"{d}: given more than once in '{path}' (keys are case-insensitive); keep one").ToList());
        }
    }
}
