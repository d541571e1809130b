namespace FailoverOrchestrator.LocalCloud.Sns;

/// <summary>A message attribute of a published message (String, Number or Binary).</summary>
internal sealed record MessageAttribute(string DataType, string? StringValue, string? BinaryValue);
