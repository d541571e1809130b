using Microsoft.Extensions.Options;

namespace FailoverOrchestrator.Configuration.Validation;

/// <summary>
/// Checks the single-value rules written as attributes on <see cref="RegionOptions"/>; the body is generated at build
/// time, without reflection (Native AOT safe).
/// </summary>
[OptionsValidator]
internal sealed partial class RegionOptionsValidator : IValidateOptions<RegionOptions>;
