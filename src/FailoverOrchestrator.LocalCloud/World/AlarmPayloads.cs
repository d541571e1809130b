using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using FailoverOrchestrator.Configuration;

namespace FailoverOrchestrator.LocalCloud.World;

/// <summary>Builds the payload CloudWatch sends to a Lambda alarm action, for the app's first alarm.</summary>
internal static class AlarmPayloads
{
    public static byte[] LambdaAction(AppOptions app, string state, string previousState, DateTimeOffset at)
    {
        var name = app.AlarmNames[0];
        var metric = new JsonObject
        {
            ["namespace"] = "AWS/Route53",
            ["name"] = "HealthCheckStatus",
            ["dimensions"] = new JsonObject { ["HealthCheckId"] = app.Regions[app.PrimaryRegion].HealthCheckId },
        };
        var payload = new JsonObject
        {
            ["source"] = "aws.cloudwatch",
            ["alarmArn"] = $"arn:aws:cloudwatch:us-east-1:{app.AccountId}:alarm:{name}",
            ["accountId"] = app.AccountId,
            ["time"] = Timestamp(at),
            ["region"] = "us-east-1",
            ["alarmData"] = new JsonObject
            {
                ["alarmName"] = name,
                ["state"] = new JsonObject { ["value"] = state, ["reason"] = $"drill: health check of {app.PrimaryRegion} went {state}",
                    ["timestamp"] = Timestamp(at) },
                ["previousState"] =
                    new JsonObject { ["value"] = previousState, ["reason"] = "drill", ["timestamp"] = Timestamp(at.AddHours(-1)) },
                ["configuration"] = new JsonObject
                {
                    ["description"] = $"Primary region health check of {app.Name}",
                    ["metrics"] = new JsonArray(new JsonObject
                    {
                        ["id"] = "m1",
                        ["metricStat"] = new JsonObject { ["metric"] = metric, ["period"] = 60, ["stat"] = "Minimum" },
                        ["returnData"] = true,
                    }),
                },
            },
        };
        return Encoding.UTF8.GetBytes(payload.ToJsonString());
    }

    public static byte[] Command(string command, AppOptions app, string reason, int? acceptDataLossSeconds = null)
    {
        var json = new JsonObject { ["command"] = command, ["app"] = app.Name, ["reason"] = reason, ["confirm"] = app.Name };
        if (acceptDataLossSeconds is { } accepted)
        {
            json["acceptDataLossSeconds"] = accepted;
        }

        return Encoding.UTF8.GetBytes(json.ToJsonString());
    }

    // CloudWatch writes the offset without a colon.
    private static string Timestamp(DateTimeOffset at) =>
        at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'+0000'", CultureInfo.InvariantCulture);
}
