namespace FailoverOrchestrator.Triggers;

/// <summary>
/// A CloudWatch alarm ARN, <c>arn:{partition}:cloudwatch:{region}:{account}:alarm:{name}</c> (AWS documentation,
/// "Actions, resources, and condition keys for Amazon CloudWatch": resource type <c>alarm</c>). The name is everything
/// after <c>alarm:</c>, since an alarm name may itself hold a colon.
/// </summary>
internal sealed record AlarmArn(string Partition, string Region, string Account, string Name)
{
    /// <summary>Parses the ARN; null when it is not a CloudWatch alarm ARN (another service, another resource type, a part
    /// missing).</summary>
    public static AlarmArn? Parse(string? arn)
    {
        var parts = arn?.Split(':', 7);
        return parts is ["arn", { Length: > 0 } partition, "cloudwatch", { Length: > 0 } region, { Length: 12 } account, "alarm",
            { Length: > 0 } name]
            && partition.StartsWith("aws", StringComparison.Ordinal)
            && account.All(char.IsAsciiDigit)
                ? new AlarmArn(partition, region, account, name)
                : null;
    }

    /// <summary>
    /// The partition a region belongs to (AWS documentation, "Partitions" in the ARN reference): <c>cn-*</c> is
    /// <c>aws-cn</c>, <c>us-gov-*</c> is <c>aws-us-gov</c>, <c>us-iso-*</c> <c>aws-iso</c>, <c>us-isob-*</c>
    /// <c>aws-iso-b</c>, <c>eu-isoe-*</c> <c>aws-iso-e</c>, <c>us-isof-*</c> <c>aws-iso-f</c>; every other region is <c>aws</c>.
    /// </summary>
    public static string PartitionOf(string region) => region switch
    {
        _ when region.StartsWith("cn-", StringComparison.Ordinal) => "aws-cn",
        _ when region.StartsWith("us-gov-", StringComparison.Ordinal) => "aws-us-gov",
        _ when region.StartsWith("us-isob-", StringComparison.Ordinal) => "aws-iso-b",
        _ when region.StartsWith("us-isof-", StringComparison.Ordinal) => "aws-iso-f",
        _ when region.StartsWith("us-iso-", StringComparison.Ordinal) => "aws-iso",
        _ when region.StartsWith("eu-isoe-", StringComparison.Ordinal) => "aws-iso-e",
        _ => "aws",
    };
}
