using System.Xml.Linq;

namespace FailoverOrchestrator.LocalCloud.Http;

/// <summary>The <c>ErrorResponse</c> document Route 53 and SNS answer errors with.</summary>
internal static class XmlErrorResponse
{
    public static LocalResponse Render(XNamespace ns, ServiceErrorException error, string requestId, string contentType)
    {
        var body = new XElement(ns + "Error",
            new XElement(ns + "Type", error.FaultType),
            new XElement(ns + "Code", error.Code),
            new XElement(ns + "Message", error.Message));
        if (error.Messages.Count > 0)
        {
            // Route 53's InvalidChangeBatch lists every failed validation on its own.
            body.Add(new XElement(ns + "Messages", error.Messages.Select(m => new XElement(ns + "Message", m))));
        }

        var document = new XElement(ns + "ErrorResponse", body, new XElement(ns + "RequestId", requestId));
        return new LocalResponse(error.StatusCode, contentType, XmlBody.Write(document)) { ErrorCode = error.Code };
    }
}
