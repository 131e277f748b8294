using System.Collections;
using System.Text;
using System.Xml.Linq;

namespace Releng.Jobs.Koji.XmlRpc;

/// <summary>
/// The client's half of XML-RPC with Koji's conventions: calls and multicalls are written compactly, the way the
/// reference samples were sent; responses and multicall results are decoded. (The hub's half, decoding calls and
/// writing responses, belongs to the sandbox's fake hub.)
/// </summary>
public static class XmlRpcCodec
{
    public static string EncodeCall(XmlRpcMethodCall call)
    {
        var xml = new StringBuilder("<?xml version=\"1.0\"?>\n<methodCall><methodName>");
        XmlRpcWriter.AppendEscaped(xml, call.MethodName);
        xml.Append("</methodName><params>");
        if (call.Params.Count > 0)
        {
            xml.Append('\n');
            foreach (var parameter in call.Params)
            {
                xml.Append("<param>");
                WriteCompact(xml, parameter);
                xml.Append("</param>\n");
            }
        }
        xml.Append("</params></methodCall>\n");
        return xml.ToString();
    }

    /// <summary>A <c>system.multicall</c> of the given calls: one parameter, an array of <c>{methodName, params}</c>.</summary>
    public static string EncodeMultiCall(IEnumerable<XmlRpcMethodCall> calls) =>
        EncodeCall(new XmlRpcMethodCall("system.multicall", [calls.Select(MultiCallEntry).Cast<object?>().ToList()]));

    public static XmlRpcStruct MultiCallEntry(XmlRpcMethodCall call) =>
        new() { ["methodName"] = call.MethodName, ["params"] = call.Params.ToList() };

    /// <summary>Bytes one call adds to a multicall request, for batching under a size bound.</summary>
    public static int MultiCallEntrySize(XmlRpcMethodCall call)
    {
        var xml = new StringBuilder();
        WriteCompact(xml, MultiCallEntry(call));
        return Encoding.UTF8.GetByteCount(xml.ToString()) + 1;
    }

    public static XmlRpcResult DecodeResponse(string xml) => DecodeResponse(XmlRpcReader.Parse(xml));

    public static XmlRpcResult DecodeResponse(Stream xml) => DecodeResponse(XmlRpcReader.Parse(xml));

    /// <summary>Splits a <c>system.multicall</c> result into per-call outcomes, in call order.</summary>
    public static IReadOnlyList<XmlRpcResult> ReadMultiCallResults(object? value)
    {
        if (value is not IReadOnlyList<object?> entries)
        {
            throw new XmlRpcFormatException($"a multicall result must be an array, got {XmlRpcValues.TypeName(value)}");
        }
        return entries.Select((entry, index) => entry switch
        {
            IReadOnlyList<object?> { Count: 1 } wrapped => XmlRpcResult.Success(wrapped[0]),
            XmlRpcStruct s when XmlRpcFault.FromStruct(s) is { } fault => XmlRpcResult.Failure(fault),
            _ => throw new XmlRpcFormatException(
                $"multicall entry {index} is neither a one-element array nor a fault struct: {XmlRpcValues.Describe(entry)}"),
        }).ToList();
    }

    private static XmlRpcResult DecodeResponse(XDocument document)
    {
        var root = document.Root;
        if (root?.Name.LocalName != "methodResponse")
        {
            throw new XmlRpcFormatException($"expected <methodResponse>, found <{root?.Name.LocalName}>");
        }
        if (root.Element("fault") is { } faultElement)
        {
            var value = XmlRpcReader.DecodeValue(XmlRpcReader.SingleValue(faultElement));
            return value is XmlRpcStruct s && XmlRpcFault.FromStruct(s) is { } fault
                ? XmlRpcResult.Failure(fault)
                : throw new XmlRpcFormatException("<fault> does not hold a {faultCode, faultString} struct");
        }
        var param = root.Element("params")?.Element("param")
            ?? throw new XmlRpcFormatException("<methodResponse> has neither <params><param> nor <fault>");
        return XmlRpcResult.Success(XmlRpcReader.DecodeValue(XmlRpcReader.SingleValue(param)));
    }

    private static void WriteCompact(StringBuilder xml, object? value)
    {
        switch (value)
        {
            case XmlRpcStruct or IReadOnlyDictionary<string, object?> or IDictionary:
                xml.Append("<value><struct>\n");
                foreach (var (name, member) in XmlRpcWriter.Members(value))
                {
                    xml.Append("<member><name>");
                    XmlRpcWriter.AppendEscaped(xml, name);
                    xml.Append("</name>");
                    WriteCompact(xml, member);
                    xml.Append("</member>\n");
                }
                xml.Append("</struct></value>");
                break;
            case IEnumerable list and not string and not byte[]:
                xml.Append("<value><array><data>\n");
                foreach (var item in list)
                {
                    WriteCompact(xml, item);
                    xml.Append('\n');
                }
                xml.Append("</data></array></value>");
                break;
            default:
                XmlRpcWriter.WriteScalar(xml, value);
                break;
        }
    }
}
