namespace FailoverOrchestrator.Aws.RecoveryCluster;

/// <summary>The state of a routing control, spelled as the API spells it: traffic flows to a cell whose control is On.</summary>
internal enum RoutingControlState
{
    Off,
    On,
}
