namespace FailoverOrchestrator.LocalCloud; internal static class Placeholder { }
