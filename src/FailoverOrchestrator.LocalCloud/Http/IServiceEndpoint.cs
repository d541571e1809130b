namespace FailoverOrchestrator.LocalCloud.Http;

/// <summary>One service on the wire: which requests are its, their operation, the answer and the error shape.</summary>
internal interface IServiceEndpoint
{
    LocalService Service { get; }

    AwsProtocol Protocol { get; }

    /// <summary>Gets the code this service throttles with (it differs between protocols).</summary>
    string ThrottlingCode { get; }

    bool Accepts(LocalRequest request);

    /// <summary>Names the operation, or returns null when the request is none this service knows.</summary>
    string? OperationOf(LocalRequest request);

    LocalResponse Handle(LocalRequest request, string operation);

    LocalResponse Render(ServiceErrorException error, string requestId);
}
