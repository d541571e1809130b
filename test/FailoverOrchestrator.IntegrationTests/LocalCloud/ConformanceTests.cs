using FailoverOrchestrator.LocalCloud;

namespace FailoverOrchestrator.IntegrationTests.LocalCloud;

/// <summary>The official AWS SDK for JavaScript v3 drives every LocalCloud operation and error and parses each answer.</summary>
public sealed class ConformanceTests(ConformanceFixture fixture) : IClassFixture<ConformanceFixture>
{
    private static readonly string[] CheckNames =
    [
        "Route53.ChangeResourceRecordSets.Upsert",
        "Route53.ChangeResourceRecordSets.DeleteCreate",
        "Route53.GetChange.Pending",
        "Route53.GetChange.InSync",
        "Route53.ListResourceRecordSets",
        "Route53.ListResourceRecordSets.Paged",
        "Route53.InvalidInput.AliasWithTtl",
        "Route53.InvalidInput.PlainWithoutTtl",
        "Route53.InvalidChangeBatch.CnameAtApex",
        "Route53.InvalidChangeBatch.DeleteMismatch",
        "Route53.InvalidChangeBatch.DeleteMissing",
        "Route53.InvalidChangeBatch.CreateExisting",
        "Route53.InvalidChangeBatch.AllOrNothing",
        "Route53.InvalidChangeBatch.EveryMessage",
        "Route53.NoSuchHostedZone",
        "Route53.InvalidInput",
        "Route53.NoSuchChange",
        "Route53.GetHealthCheckStatus.Healthy",
        "Route53.GetHealthCheckStatus.Unhealthy",
        "Route53.NoSuchHealthCheck",
        "Route53.Throttling",
        "Route53.ServiceUnavailable",
        "Route53.InternalFailure",
        "Route53.PriorRequestNotComplete",
        "Ecs.UpdateService",
        "Ecs.DescribeServices.Converging",
        "Ecs.DescribeServices.Missing",
        "Ecs.RegionalState",
        "Ecs.ServiceNotFoundException",
        "Ecs.ClusterNotFoundException",
        "Ecs.InvalidParameterException",
        "Ecs.ThrottlingException",
        "Ecs.InternalFailure",
        "Ecs.Latency",
        "Sns.Publish",
        "Sns.NotFound",
        "Sns.InvalidParameter.SubjectTooLong",
        "Sns.InvalidParameter.SubjectNonPrintable",
        "Sns.InvalidParameter.EmptyMessage",
        "Sns.Throttling",
        "Sns.ServiceUnavailable",
        "Concurrency.ParallelCalls",
        "Auth.MissingAuthenticationToken",
        "Auth.IncompleteSignature",
        "Raw.Route53MalformedXml",
        "Arc.UpdateRoutingControlStates",
        "Arc.GetRoutingControlState.EveryEndpoint",
        "Arc.SafetyRule.ConflictException",
        "Arc.ResourceNotFoundException",
        "Arc.ValidationException",
        "Arc.WrongSigningRegion",
        "Arc.EndpointDown.ConnectionRefused",
    ];

    public static TheoryData<string> Checks => new(CheckNames);

    [Theory]
    [MemberData(nameof(Checks))]
    public void JsSdk_Check_Passes(string check)
    {
        Assert.True(fixture.Report.TryGetValue(check, out var result), $"The conformance script ran no check named {check}.");

        Assert.True(result.Ok, $"{check}: {result.Detail}");
    }

    [Fact]
    public void JsSdk_Report_HasOnlyKnownChecks()
    {
        var unknown = fixture.Report.Keys.Except(CheckNames);

        Assert.Equal([], unknown);
    }

    [Fact]
    public void JsSdk_Publish_KeepsMessageWithSubjectAndAttributes()
    {
        var messages = fixture.Server.Sns.GetMessages(fixture.TopicArn);

        var message = Assert.Single(messages);
        Assert.Equal(ConformanceFixture.Subject, message.Subject);
        Assert.Equal("Failover of app to us-west-2 & back: done", message.Message);
        Assert.Equal("failover", message.Attributes["kind"].StringValue);
        Assert.Equal("String", message.Attributes["kind"].DataType);
    }

    [Fact]
    public void JsSdk_RefusedUpdate_ChangedNoControl()
    {
        var history = fixture.Server.Cluster.Controls.History();

        // Only the accepted transaction changed states, and it changed both controls at one instant.
        Assert.Equal(2, history.Count);
        Assert.Single(history.Select(h => h.At).Distinct());
        Assert.True(fixture.Server.Cluster.Controls.IsOn(ConformanceFixture.StandbyControl));
        Assert.False(fixture.Server.Cluster.Controls.IsOn(ConformanceFixture.PrimaryControl));
        Assert.Equal([ConformanceFixture.DownRegion], fixture.Server.Cluster.Down());
    }

    [Fact]
    public void JsSdk_Faults_AreCountedAsCalls()
    {
        var calls = fixture.Server.Calls;

        Assert.Equal(2,
            calls.Snapshot().Count(c => c.Service == LocalService.Route53 && c.Operation == "GetHealthCheckStatus" && c.Injected));
        Assert.Equal(2, calls.Snapshot().Count(c => c.Service == LocalService.Sns && c.Injected));
        Assert.Equal(2, calls.Snapshot().Count(c => c.Service == LocalService.Ecs && c.Injected));
        Assert.True(calls.Count(LocalService.Ecs, "DescribeServices") > 2);
        Assert.Empty(fixture.Server.Faults.Armed());
    }
}
