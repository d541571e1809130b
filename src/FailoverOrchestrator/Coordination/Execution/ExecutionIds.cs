using System.Globalization;
using System.Security.Cryptography;

namespace FailoverOrchestrator.Coordination.Execution;

/// <summary>Makes execution ids that sort by time and read at a glance: <c>shop-20260304T080100Z-3f9a1c0b2d4e6f81</c>. The 64 random bits
/// matter: an invocation
/// recognises an acquisition the SDK retried by finding its own id in the item, so two invocations must never draw the same one.</summary>
internal static class ExecutionIds
{
    public static string Next(string app, DateTimeOffset now) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{app}-{now.UtcDateTime:yyyyMMdd'T'HHmmss'Z'}-{Convert.ToHexString(RandomNumberGenerator.GetBytes(8)).ToLowerInvariant()}");
}
