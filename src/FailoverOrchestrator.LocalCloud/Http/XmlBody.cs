using System.Xml.Linq;

namespace FailoverOrchestrator.LocalCloud.Http;

/// <summary>Writes an XML document the way AWS does: a declaration, then the root on one line.</summary>
internal static class XmlBody
{
    public static string Write(XElement root) =>
        "<?xml version=\"1.0\"?>\n" + root.ToString(SaveOptions.DisableFormatting);
}
