namespace FailoverOrchestrator.Hosting;

/// <summary>
/// An AWS call failed outside a switch's own failure handling (creating or reading the state item, taking the lease,
/// answering status, plan or reset): the invocation throws so that Lambda retries the event. What leaves the function
/// reaches Lambda's error report, its logs and the on-failure destination, so the message is redacted and the raw
/// exception, whose message may echo signing details, is not attached.
/// </summary>
internal sealed class DependencyFailedException(string message) : Exception(message);
