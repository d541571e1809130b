using FailoverOrchestrator.Configuration.Validation;

namespace FailoverOrchestrator.Configuration;

/// <summary>The DynamoDB item (in a global table) that tells the application which region may write.</summary>
public sealed class WriterControlOptions
{
    /// <summary>Gets or sets the table name; the item is written in the target region's replica.</summary>
    [SettingRequired]
    public string TableName { get; set; } = string.Empty;

    /// <summary>Gets or sets the item's partition key value (attribute <c>pk</c>).</summary>
    [SettingRequired]
    public string Key { get; set; } = string.Empty;
}
