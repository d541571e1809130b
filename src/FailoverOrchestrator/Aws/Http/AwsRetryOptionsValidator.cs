using Microsoft.Extensions.Options;

namespace FailoverOrchestrator.Aws.Http;

/// <summary>Checks the <see cref="AwsRetryOptions"/> attributes; the body is generated at build time, without reflection.</summary>
[OptionsValidator]
internal sealed partial class AwsRetryOptionsValidator : IValidateOptions<AwsRetryOptions>;
