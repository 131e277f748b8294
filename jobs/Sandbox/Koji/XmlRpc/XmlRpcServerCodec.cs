using System.Collections;
using System.Text;
using System.Xml.Linq;
using Releng.Jobs.Koji.XmlRpc;

namespace Releng.Jobs.Sandbox.Koji.XmlRpc;

/// <summary>
/// The hub's half of XML-RPC, for the fake hub only: decodes calls, and writes responses and faults the way the hub's
/// Python marshaller writes them (one element per line, no newline after a nil), so the sandbox answers byte for
/// byte like a real hub.
/// </summary>
public static class XmlRpcServerCodec
{
    public static string EncodeResponse(object? value)
    {
        var xml = new StringBuilder("<?xml version='1.0'?>\n<methodResponse>\n<params>\n<param>\n");
        WriteHubStyle(xml, value);
        xml.Append("</param>\n</params>\n</methodResponse>\n");
        return xml.ToString();
    }

    public static string EncodeFault(XmlRpcFault fault)
    {
        var xml = new StringBuilder("<?xml version='1.0'?>\n<methodResponse>\n<fault>\n");
        WriteHubStyle(xml, new XmlRpcStruct { ["faultCode"] = fault.Code, ["faultString"] = fault.Message });
        xml.Append("</fault>\n</methodResponse>\n");
        return xml.ToString();
    }

    /// <summary>Wraps each multicall outcome as the hub does: <c>[value]</c> on success, a fault struct otherwise.</summary>
    public static List<object?> MultiCallResponseValue(IEnumerable<XmlRpcResult> results) =>
        results.Select(result => result.Fault is { } fault
            ? fault.ToStruct()
            : (object?)new List<object?> { result.Value }).ToList();

    public static XmlRpcMethodCall DecodeCall(string xml) => DecodeCall(XmlRpcReader.Parse(xml));

    public static XmlRpcMethodCall DecodeCall(Stream xml) => DecodeCall(XmlRpcReader.Parse(xml));

    private static XmlRpcMethodCall DecodeCall(XDocument document)
    {
        var root = document.Root;
        if (root?.Name.LocalName != "methodCall")
        {
            throw new XmlRpcFormatException($"expected <methodCall>, found <{root?.Name.LocalName}>");
        }
        var name = root.Element("methodName")?.Value.Trim()
            ?? throw new XmlRpcFormatException("<methodCall> has no <methodName>");
        var parameters = root.Element("params")?.Elements("param")
            .Select(param => XmlRpcReader.DecodeValue(XmlRpcReader.SingleValue(param)))
            .ToList() ?? [];
        return new XmlRpcMethodCall(name, parameters);
    }

    private static void WriteHubStyle(StringBuilder xml, object? value)
    {
        switch (value)
        {
            case null:
                xml.Append("<value><nil/></value>"); // the hub's marshaller adds no newline after nil
                break;
            case XmlRpcStruct or IReadOnlyDictionary<string, object?> or IDictionary:
                xml.Append("<value><struct>\n");
                foreach (var (name, member) in XmlRpcWriter.Members(value))
                {
                    xml.Append("<member>\n<name>");
                    XmlRpcWriter.AppendEscaped(xml, name);
                    xml.Append("</name>\n");
                    WriteHubStyle(xml, member);
                    xml.Append("</member>\n");
                }
                xml.Append("</struct></value>\n");
                break;
            case IEnumerable list and not string and not byte[]:
                xml.Append("<value><array><data>\n");
                foreach (var item in list)
                {
                    WriteHubStyle(xml, item);
                }
                xml.Append("</data></array></value>\n");
                break;
            default:
                XmlRpcWriter.WriteScalar(xml, value);
                xml.Append('\n');
                break;
        }
    }
}
