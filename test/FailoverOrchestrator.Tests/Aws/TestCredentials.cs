namespace FailoverOrchestrator.Tests.Aws;

/// <summary>The fixed credentials the tests sign with (the AWS documentation's example values).</summary>
internal static class TestCredentials
{
    public const string AccessKey = "AKIDEXAMPLE";
    public const string SecretKey = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    public const string SessionToken = "SESSION-TOKEN-EXAMPLE";
}
