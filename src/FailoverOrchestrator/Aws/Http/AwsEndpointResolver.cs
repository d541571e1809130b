namespace FailoverOrchestrator.Aws.Http;

/// <summary>
/// Resolves a service's base URI the way the AWS SDKs do: <c>AWS_ENDPOINT_URL_&lt;SERVICE&gt;</c>, then
/// <c>AWS_ENDPOINT_URL</c>, then the standard regional (or global) endpoint.
/// </summary>
internal sealed class AwsEndpointResolver
{
    private const string GlobalVariable = "AWS_ENDPOINT_URL";

    private readonly IEnvironmentVariables _environment;

    public AwsEndpointResolver(IEnvironmentVariables environment)
    {
        _environment = environment;
    }

    /// <summary>The base URI of <paramref name="service"/> in <paramref name="region"/>.</summary>
    /// <exception cref="InvalidOperationException">An override variable is set but is not an absolute http(s) URL.</exception>
    public Uri Resolve(AwsServiceEndpoint service, string region)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(region);

        var serviceVariable = $"{GlobalVariable}_{service.EnvironmentSuffix}";
        return FromVariable(serviceVariable)
            ?? FromVariable(GlobalVariable)
            ?? new Uri(service.EndpointTemplate.Replace("{region}", region, StringComparison.Ordinal), UriKind.Absolute);
    }

    private Uri? FromVariable(string name)
    {
        var value = _environment.GetEnvironmentVariable(name);
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (!Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new InvalidOperationException(
                $"The environment variable {name} must be an absolute http or https URL, but is '{value}'.");
        }

        return uri;
    }
}
