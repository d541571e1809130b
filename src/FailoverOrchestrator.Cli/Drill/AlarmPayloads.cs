using System.Globalization;
using System.Text;
using FailoverOrchestrator.Configuration;

namespace FailoverOrchestrator.Cli.Drill;

/// <summary>Builds the payload CloudWatch sends to a Lambda alarm action, for the app's first alarm.</summary>
internal static class AlarmPayloads
{
    public static byte[] LambdaAction(AppOptions app, string state, string previousState, DateTimeOffset at)
    {
        var name = app.AlarmNames[0];
        var timestamp = at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'+0000'", CultureInfo.InvariantCulture);
        var json = $$"""
            {"source":"aws.cloudwatch","alarmArn":"arn:aws:cloudwatch:us-east-1:{{app.AccountId}}:alarm:{{name}}","accountId":"{{app.AccountId}}",
             "time":"{{timestamp}}","region":"us-east-1",
             "alarmData":{"alarmName":"{{name}}",
               "state":{"value":"{{state}}","reason":"drill: health check of {{app.PrimaryRegion}} is {{(state == "ALARM" ? "failing" : "passing")}}","timestamp":"{{timestamp}}"},
               "previousState":{"value":"{{previousState}}","reason":"drill","timestamp":"{{at.AddHours(-1).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'+0000'", CultureInfo.InvariantCulture)}}"},
               "configuration":{"description":"Primary region health check of {{app.Name}}",
                 "metrics":[{"id":"m1","metricStat":{"metric":{"namespace":"AWS/Route53","name":"HealthCheckStatus",
                   "dimensions":{"HealthCheckId":"{{app.Regions[app.PrimaryRegion].HealthCheckId}}"}},"period":60,"stat":"Minimum"},"returnData":true}]}}}
            """;
        return Encoding.UTF8.GetBytes(json);
    }

    public static byte[] Command(string command, AppOptions app, string reason) =>
        Encoding.UTF8.GetBytes($$"""{"command":"{{command}}","app":"{{app.Name}}","reason":"{{reason}}","confirm":"{{app.Name}}"}""");
}
