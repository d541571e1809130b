namespace FailoverOrchestrator.Configuration;

/// <summary>
/// The regions this orchestrator can act in: those of the standard <c>aws</c> partition, whose endpoints its clients
/// build (<c>*.amazonaws.com</c>, Route 53 at <c>route53.amazonaws.com</c> signed for us-east-1). Regions of other
/// partitions are refused by name at cold start rather than reached at the wrong endpoints.
/// </summary>
internal static class AwsRegions
{
    /// <summary>The regions of the <c>aws</c> partition, as botocore 1.43's partitions.json lists them (the tests compare).</summary>
    public static readonly IReadOnlySet<string> Standard = new HashSet<string>(StringComparer.Ordinal)
    {
        "af-south-1", "ap-east-1", "ap-east-2", "ap-northeast-1", "ap-northeast-2", "ap-northeast-3", "ap-south-1", "ap-south-2",
        "ap-southeast-1", "ap-southeast-2", "ap-southeast-3", "ap-southeast-4", "ap-southeast-5", "ap-southeast-6", "ap-southeast-7",
        "ca-central-1", "ca-west-1", "eu-central-1", "eu-central-2", "eu-north-1", "eu-south-1", "eu-south-2", "eu-west-1",
        "eu-west-2", "eu-west-3", "il-central-1", "me-central-1", "me-south-1", "mx-central-1", "sa-east-1", "us-east-1",
        "us-east-2", "us-west-1", "us-west-2",
    };

    /// <summary>Region name prefixes of the other partitions, with the partition's name.</summary>
    private static readonly (string Prefix, string Partition)[] OtherPartitions =
    [
        ("cn-", "aws-cn"), ("us-gov-", "aws-us-gov"), ("us-isof-", "aws-iso-f"), ("us-isob-", "aws-iso-b"), ("us-iso-", "aws-iso"),
        ("eu-isoe-", "aws-iso-e"), ("eusc-", "aws-eusc"),
    ];

    /// <summary>Null when <paramref name="region"/> is a region of the aws partition; otherwise why it is refused.</summary>
    public static string? Problem(string? region)
    {
        if (region is not null && Standard.Contains(region))
        {
            return null;
        }

        var other = OtherPartitions.FirstOrDefault(p => region?.StartsWith(p.Prefix, StringComparison.Ordinal) == true);
        return other.Partition is not null
            ? $"'{region}' is in the {other.Partition} partition, which is not supported: its Route 53, ECS, SNS and DynamoDB endpoints "
                + $"and ARNs differ from the aws partition's this orchestrator calls"
            : $"'{region}' is not a region of the aws partition (known: {string.Join(", ", Standard.Order(StringComparer.Ordinal))})";
    }
}
