using FailoverOrchestrator.LocalCloud.Calls;
using FailoverOrchestrator.LocalCloud.Faults;

namespace FailoverOrchestrator.LocalCloud.Http;

/// <summary>
/// Routes a request to its service, then, in this order: cuts it when its region is dark, refuses it unsigned,
/// applies the armed faults, answers it, and logs the call. Faults come after the authentication check, as a throttle
/// does in AWS.
/// </summary>
internal sealed class RequestDispatcher(
    IReadOnlyList<IServiceEndpoint> endpoints,
    FaultInjector faults,
    CallLog calls,
    TimeProvider timeProvider,
    DarkRegions? dark = null)
{
    public async Task<LocalResponse> DispatchAsync(LocalRequest request, CancellationToken cancellationToken)
    {
        var endpoint = endpoints.FirstOrDefault(e => e.Accepts(request));
        if (endpoint is null)
        {
            return UnknownService(request);
        }

        var operation = endpoint.OperationOf(request);
        if (dark?.IsDark(request.Region) == true)
        {
            var now = timeProvider.GetUtcNow();
            calls.Add(new CallRecord(endpoint.Service, operation ?? "Unknown", request.Region, 0, "ConnectionRefused", true, now));
            return LocalResponse.Refusal(request.Region!);
        }

        var injected = false;
        LocalResponse response;
        try
        {
            Authenticate(request, endpoint.Protocol);
            if (operation is not null && await DelayOrFaultAsync(endpoint, operation, cancellationToken) is { } fault)
            {
                injected = true;
                throw FaultError(fault, endpoint);
            }

            response = endpoint.Handle(request, operation ?? "Unknown");
        }
        catch (ServiceErrorException error)
        {
            response = endpoint.Render(error, request.RequestId);
        }

        calls.Add(new CallRecord(
            endpoint.Service, operation ?? "Unknown", request.Region, response.StatusCode, response.ErrorCode, injected,
                timeProvider.GetUtcNow()));
        return response;
    }

    /// <summary>Holds the call for the armed latency faults, then returns the armed error that fires, if any.</summary>
    private async Task<FaultRule?> DelayOrFaultAsync(IServiceEndpoint endpoint, string operation, CancellationToken cancellationToken)
    {
        var decision = faults.Decide(endpoint.Service, operation);
        if (decision.Latency > TimeSpan.Zero)
        {
            var delay = Task.Delay(decision.Latency, timeProvider, cancellationToken);

            // The delay's timer is on the clock from here: whoever moves the clock now releases the call.
            faults.ReportHeld(endpoint.Service, operation);
            await delay;
        }

        return decision.Error;
    }

    private static LocalResponse UnknownService(LocalRequest request) =>
        new(404, "text/plain",
            $"LocalCloud serves Route 53, ECS, SNS and the Route 53 ARC cluster API; nothing answers {request.Method} {request.Path}.")
        {
            ErrorCode = "UnknownService",
        };

    private static void Authenticate(LocalRequest request, AwsProtocol protocol)
    {
        var authorization = request.Header("Authorization");
        if (string.IsNullOrWhiteSpace(authorization))
        {
            throw AuthError(protocol, "MissingAuthenticationToken", "Request is missing Authentication Token");
        }

        if (request.Region is null)
        {
            throw AuthError(
                protocol,
                "IncompleteSignature",
                $"Authorization header requires 'Credential', 'Signature' and 'SignedHeaders' parameters. "
                    + $"Authorization={authorization.Split(' ')[0]}");
        }
    }

    private static ServiceErrorException AuthError(AwsProtocol protocol, string code, string message) =>
        protocol is AwsProtocol.Json10 or AwsProtocol.Json11
            // JSON services answer from their front end, in its namespace and with the Exception suffix.
            ? new ServiceErrorException(400, $"com.amazon.coral.service#{code}Exception", message)
            : new ServiceErrorException(403, code, message);

    private static ServiceErrorException FaultError(FaultRule fault, IServiceEndpoint endpoint) => fault.Kind switch
    {
        FaultKind.CustomError => new ServiceErrorException(fault.StatusCode, fault.ErrorCode, fault.Message),
        FaultKind.Throttling => new ServiceErrorException(400, endpoint.ThrottlingCode, "Rate exceeded"),
        FaultKind.ServiceUnavailable => new ServiceErrorException(503, "ServiceUnavailable", "Service is unavailable. Try again later."),
        _ =>
            new ServiceErrorException(
            500, "InternalFailure", "The request processing has failed because of an unknown error, exception or failure."),
    };
}
