using System.Xml;
using System.Xml.Linq;

namespace FailoverOrchestrator.Aws.Http;

/// <summary>Reads AWS XML bodies by local name (services differ in namespaces); a missing element is a
/// <see cref="FormatException"/>.</summary>
internal static class AwsXml
{
    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreWhitespace = true,
    };

    /// <summary>Parses <paramref name="body"/>; throws <see cref="XmlException"/> if it is not well-formed (for example
    /// truncated).</summary>
    public static XElement Root(string body)
    {
        using var text = new StringReader(body);
        using var reader = XmlReader.Create(text, Settings);
        return XDocument.Load(reader).Root ?? throw new FormatException("The XML body has no root element.");
    }

    public static XElement? Child(XElement parent, string localName) =>
        parent.Elements().FirstOrDefault(e => e.Name.LocalName == localName);

    public static IEnumerable<XElement> Children(XElement parent, string localName) =>
        parent.Elements().Where(e => e.Name.LocalName == localName);

    public static XElement RequiredChild(XElement parent, string localName) =>
        Child(parent, localName) ?? throw new FormatException($"<{parent.Name.LocalName}> has no <{localName}>.");

    public static string Required(XElement parent, string localName) => RequiredChild(parent, localName).Value;

    public static string? Optional(XElement parent, string localName) => Child(parent, localName)?.Value;

    /// <summary>The root must be <paramref name="localName"/>: guards against a proxy's or another operation's answer.</summary>
    public static XElement ExpectRoot(string body, string localName)
    {
        var root = Root(body);
        return root.Name.LocalName == localName
            ? root
            : throw new FormatException($"Expected <{localName}> but the body is <{root.Name.LocalName}>.");
    }
}
