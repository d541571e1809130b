using FailoverOrchestrator.Tests.TestSupport;

namespace FailoverOrchestrator.Tests.Pipeline;

public sealed class StepContextTests
{
    [Fact]
    public void ReasonWithWarnings_NoWarnings_IsTheReason()
    {
        var context = StepContexts.Failover();

        Assert.Equal(context.Reason, context.ReasonWithWarnings);
    }

    [Fact]
    public void ReasonWithWarnings_SameWarningFromTwoSteps_SaysItOnceInOrder()
    {
        var context = StepContexts.Failover();
        context.Warnings.Add("health check hc-1 not read");
        context.Warnings.Add("notification failed: timeout");
        context.Warnings.Add("health check hc-1 not read");

        Assert.Equal(
            $"{context.Reason}; warnings: health check hc-1 not read; notification failed: timeout",
            context.ReasonWithWarnings);
    }
}
