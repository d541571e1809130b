namespace FailoverOrchestrator.Tests.TestSupport;

/// <summary>Inputs that must be answered Rejected, with the words the answer must contain.</summary>
public static class BadInputs
{
    private const string Lambda = """{"source":"aws.cloudwatch","alarmArn":"arn:aws:cloudwatch:us-east-1:111122223333:alarm:shop-primary-unhealthy","accountId":"111122223333","region":"us-east-1","alarmData":{"alarmName":"shop-primary-unhealthy","state":{"value":"ALARM","timestamp":"2026-03-04T08:01:00.123+0000"},"previousState":{"value":"OK","timestamp":"2026-03-01T10:12:00.456+0000"}}}""";

    /// <summary>Names of the inputs that parse but are refused against the configuration (unknown app, missing confirm...).</summary>
    public static readonly string[] RefusedByRouting = ["unknown-app", "failover-no-confirm", "failover-wrong-confirm", "failback-no-confirm", "resume-no-confirm", "reset-unknown-region", "reset-no-confirm"];

    public static TheoryData<string, string, string> All => new()
    {
        { "empty", "", "the payload is empty" },
        { "whitespace", "  \n\t ", "the payload is empty" },
        { "not-json", "failover now", "the payload is not valid JSON" },
        { "truncated-json", """{"command":"status","app":""", "the payload is not valid JSON" },
        { "json-array", """[{"command":"status"}]""", "the payload is a JSON array, expected an object" },
        { "json-string", "\"failover\"", "the payload is a JSON string, expected an object" },
        { "json-number", "42", "the payload is a JSON number, expected an object" },
        { "json-null", "null", "the payload is a JSON null, expected an object" },
        { "empty-object", "{}", "unrecognised event" },
        { "wrong-shape", """{"foo":"bar"}""", "unrecognised event" },
        { "command-number", """{"command":1,"app":"shop"}""", "wrong type at $.command" },
        { "command-empty", """{"command":"","app":"shop"}""", "command is empty" },
        { "unknown-command", """{"command":"explode","app":"shop"}""", "unknown command 'explode'" },
        { "command-upper-case", """{"command":"FAILOVER","app":"shop","confirm":"shop"}""", "unknown command 'FAILOVER'" },
        { "missing-app", """{"command":"status"}""", "needs an app" },
        { "app-number", """{"command":"status","app":7}""", "wrong type at $.app" },
        { "dryrun-string", """{"command":"failover","app":"shop","dryRun":"yes"}""", "wrong type at $.dryRun" },
        { "dryrun-misspelt", """{"command":"failover","app":"shop","dryrun":true,"confirm":"shop"}""", "unknown field 'dryrun'" },
        { "reason-too-long", "{\"command\":\"plan\",\"app\":\"shop\",\"reason\":\"" + new string('x', 501) + "\"}", "reason is 501 characters" },
        { "region-on-failover", """{"command":"failover","app":"shop","confirm":"shop","region":"us-east-1"}""", "region is only taken by reset" },
        { "reset-without-region", """{"command":"reset","app":"shop","confirm":"shop"}""", "reset needs the region" },
        { "accept-loss-on-status", """{"command":"status","app":"shop","acceptDataLossSeconds":30}""", "acceptDataLossSeconds is only taken by failover and failback, not 'status'" },
        { "accept-loss-negative", """{"command":"failover","app":"shop","confirm":"shop","acceptDataLossSeconds":-5}""", "acceptDataLossSeconds is -5: give the seconds of writes you accept to lose, 0 to 86400" },
        { "accept-loss-string", """{"command":"failover","app":"shop","confirm":"shop","acceptDataLossSeconds":"60"}""", "wrong type at $.acceptDataLossSeconds" },
        { "dryrun-on-status", """{"command":"status","app":"shop","dryRun":true}""", "dryRun does not apply to 'status'" },
        { "unknown-app", """{"command":"status","app":"nope"}""", "app 'nope' is not configured" },
        { "failover-no-confirm", """{"command":"failover","app":"shop"}""", "repeat the app name as \"confirm\"" },
        { "failover-wrong-confirm", """{"command":"failover","app":"shop","confirm":"Shop"}""", "confirm was 'Shop'" },
        { "failback-no-confirm", """{"command":"failback","app":"shop"}""", "failback changes production" },
        { "resume-no-confirm", """{"command":"resume","app":"shop"}""", "resume changes production" },
        { "reset-no-confirm", """{"command":"reset","app":"shop","region":"us-east-1"}""", "reset changes production" },
        { "reset-unknown-region", """{"command":"reset","app":"shop","region":"eu-west-1","confirm":"shop"}""", "reset region 'eu-west-1' is neither" },
        { "alarm-state-lower-case", Lambda.Replace("\"value\":\"ALARM\"", "\"value\":\"alarm\"", StringComparison.Ordinal), "alarm state 'alarm' is not one of OK, ALARM, INSUFFICIENT_DATA" },
        { "alarm-state-mixed-case", Lambda.Replace("\"value\":\"ALARM\"", "\"value\":\"Alarm\"", StringComparison.Ordinal), "alarm state 'Alarm'" },
        { "alarm-state-number", Lambda.Replace("\"value\":\"ALARM\"", "\"value\":1", StringComparison.Ordinal), "wrong type at $.alarmData.state.value" },
        { "alarm-previous-state-bad", Lambda.Replace("\"value\":\"OK\"", "\"value\":\"ok\"", StringComparison.Ordinal), "previous alarm state 'ok'" },
        { "alarm-no-state", Lambda.Replace("\"state\":{\"value\":\"ALARM\",\"timestamp\":\"2026-03-04T08:01:00.123+0000\"},", string.Empty, StringComparison.Ordinal), "has no alarm state" },
        { "alarm-bad-timestamp", Lambda.Replace("2026-03-04T08:01:00.123+0000", "yesterday", StringComparison.Ordinal), "timestamp 'yesterday' is not a valid timestamp" },
        { "alarm-no-name", Lambda.Replace("\"alarmName\":\"shop-primary-unhealthy\",", string.Empty, StringComparison.Ordinal), "has no alarm name" },
        { "alarm-bad-arn", Lambda.Replace("arn:aws:cloudwatch:us-east-1:111122223333:alarm:shop-primary-unhealthy", "shop", StringComparison.Ordinal), "alarmArn 'shop' is not a CloudWatch alarm ARN" },
        { "alarm-bad-account", Lambda.Replace("\"accountId\":\"111122223333\"", "\"accountId\":\"1111\"", StringComparison.Ordinal), "accountId '1111' is not a 12-digit AWS account id" },
        { "alarm-account-number", Lambda.Replace("\"accountId\":\"111122223333\"", "\"accountId\":111122223333", StringComparison.Ordinal), "wrong type at $.accountId" },
        { "alarm-wrong-source", Lambda.Replace("\"source\":\"aws.cloudwatch\"", "\"source\":\"my.app\"", StringComparison.Ordinal), "alarm event source is 'my.app'" },
        { "alarm-data-null", """{"source":"aws.cloudwatch","alarmData":null}""", "alarmData is null" },
        { "alarm-data-string", """{"source":"aws.cloudwatch","alarmData":"ALARM"}""", "wrong type at $.alarmData" },
        { "eventbridge-other-detail-type", """{"detail-type":"EC2 Instance State-change Notification","source":"aws.ec2","detail":{}}""", "detail-type is 'EC2 Instance State-change Notification'" },
        { "eventbridge-no-detail", """{"detail-type":"CloudWatch Alarm State Change","source":"aws.cloudwatch","account":"111122223333"}""", "has no detail" },
        { "sns-no-records", """{"Records":[]}""", "SNS event has no Records" },
        { "sns-two-records", """{"Records":[{"EventSource":"aws:sns","Sns":{"Message":"{}"}},{"EventSource":"aws:sns","Sns":{"Message":"{}"}}]}""", "SNS event has 2 records" },
        { "sns-not-sns", """{"Records":[{"EventSource":"aws:sqs","body":"x"}]}""", "is not an SNS record" },
        { "sns-message-not-json", """{"Records":[{"EventSource":"aws:sns","Sns":{"Message":"ALARM!"}}]}""", "is not an alarm notification" },
        { "sns-message-empty", """{"Records":[{"EventSource":"aws:sns","Sns":{"Message":""}}]}""", "Message is empty" },
        { "deeply-nested", new string('[', 100) + new string(']', 100), "the payload is not valid JSON" },
    };
}
