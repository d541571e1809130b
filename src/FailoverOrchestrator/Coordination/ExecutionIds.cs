using System.Globalization;
using System.Security.Cryptography;

namespace FailoverOrchestrator.Coordination;

/// <summary>Makes execution ids that sort by time and read at a glance: <c>shop-20260304T080100Z-3f9a1c</c>.</summary>
internal static class ExecutionIds
{
    public static string Next(string app, DateTimeOffset now) =>
        string.Create(CultureInfo.InvariantCulture, $"{app}-{now.UtcDateTime:yyyyMMdd'T'HHmmss'Z'}-{Convert.ToHexString(RandomNumberGenerator.GetBytes(3)).ToLowerInvariant()}");
}
