using System.Collections;
using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace Releng.Jobs.Koji.XmlRpc;

/// <summary>
/// Encodes and decodes XML-RPC documents with Koji's conventions. Requests are written compactly, the way the
/// reference samples were sent; responses are written the way the hub's Python marshaller writes them (one element
/// per line, no newline after a nil), so the sandbox answers byte for byte like a real hub.
/// </summary>
public static class XmlRpcCodec
{
    private static readonly XmlReaderSettings ReaderSettings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
    };

    public static string EncodeCall(XmlRpcMethodCall call)
    {
        var xml = new StringBuilder("<?xml version=\"1.0\"?>\n<methodCall><methodName>");
        AppendEscaped(xml, call.MethodName);
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

    public static XmlRpcMethodCall DecodeCall(string xml) => DecodeCall(Parse(xml));

    public static XmlRpcMethodCall DecodeCall(Stream xml) => DecodeCall(Parse(xml));

    public static XmlRpcResult DecodeResponse(string xml) => DecodeResponse(Parse(xml));

    public static XmlRpcResult DecodeResponse(Stream xml) => DecodeResponse(Parse(xml));

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

    private static XDocument Parse(string xml)
    {
        using var reader = new StringReader(xml);
        return Parse(XmlReader.Create(reader, ReaderSettings));
    }

    private static XDocument Parse(Stream xml) => Parse(XmlReader.Create(xml, ReaderSettings));

    private static XDocument Parse(XmlReader reader)
    {
        try
        {
            using (reader)
            {
                return XDocument.Load(reader, LoadOptions.PreserveWhitespace);
            }
        }
        catch (XmlException e)
        {
            throw new XmlRpcFormatException($"malformed XML-RPC document: {e.Message}", e);
        }
    }

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
            .Select(param => DecodeValue(SingleValue(param)))
            .ToList() ?? [];
        return new XmlRpcMethodCall(name, parameters);
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
            var value = DecodeValue(SingleValue(faultElement));
            return value is XmlRpcStruct s && XmlRpcFault.FromStruct(s) is { } fault
                ? XmlRpcResult.Failure(fault)
                : throw new XmlRpcFormatException("<fault> does not hold a {faultCode, faultString} struct");
        }
        var param = root.Element("params")?.Element("param")
            ?? throw new XmlRpcFormatException("<methodResponse> has neither <params><param> nor <fault>");
        return XmlRpcResult.Success(DecodeValue(SingleValue(param)));
    }

    private static XElement SingleValue(XElement parent) =>
        parent.Element("value") ?? throw new XmlRpcFormatException($"<{parent.Name.LocalName}> has no <value>");

    private static object? DecodeValue(XElement value)
    {
        var typed = value.Elements().ToList();
        if (typed.Count == 0)
        {
            return value.Value; // untyped <value>text</value> is a string, whitespace included
        }
        if (typed.Count > 1)
        {
            throw new XmlRpcFormatException($"<value> holds {typed.Count} elements, one was expected");
        }
        var element = typed[0];
        var text = element.Value;
        try
        {
            return element.Name.LocalName switch
            {
                "int" or "i4" => DecodeInteger(text),
                "i8" => long.Parse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture),
                "double" => double.Parse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture),
                "boolean" => text.Trim() switch
                {
                    "1" or "true" => true,
                    "0" or "false" => false,
                    var other => throw new XmlRpcFormatException($"<boolean> must be 0 or 1, got '{other}'"),
                },
                "string" => text,
                "nil" => null, // also the namespaced <ex:nil/> of Apache XML-RPC
                "base64" => Convert.FromBase64String(text),
                "dateTime.iso8601" => DecodeDateTime(text.Trim()),
                "array" => (element.Element("data") ?? throw new XmlRpcFormatException("<array> has no <data>"))
                    .Elements("value").Select(DecodeValue).ToList(),
                "struct" => DecodeStruct(element),
                var other => throw new XmlRpcFormatException($"unknown XML-RPC type <{other}>"),
            };
        }
        catch (FormatException e)
        {
            throw new XmlRpcFormatException($"<{element.Name.LocalName}> has an invalid value '{text}'", e);
        }
        catch (OverflowException e)
        {
            throw new XmlRpcFormatException($"<{element.Name.LocalName}> value '{text}' is out of range", e);
        }
    }

    private static object DecodeInteger(string text)
    {
        // Some servers put 64-bit numbers in <int>; accept them rather than fail on a count.
        var number = long.Parse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        return number is >= int.MinValue and <= int.MaxValue ? (object)(int)number : number;
    }

    private static XmlRpcStruct DecodeStruct(XElement element)
    {
        var result = new XmlRpcStruct();
        foreach (var member in element.Elements("member"))
        {
            var name = member.Element("name")?.Value ?? throw new XmlRpcFormatException("<member> has no <name>");
            result[name] = DecodeValue(SingleValue(member));
        }
        return result;
    }

    private static readonly string[] DateTimeFormats =
    [
        "yyyyMMdd'T'HH:mm:ss", "yyyyMMdd'T'HH:mm:ss.FFFFFFF", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF",
        "yyyyMMdd'T'HH:mm:ssK", "yyyyMMdd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
    ];

    private static DateTime DecodeDateTime(string text) =>
        DateTime.ParseExact(text, DateTimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal);

    private static void WriteCompact(StringBuilder xml, object? value)
    {
        switch (value)
        {
            case XmlRpcStruct or IReadOnlyDictionary<string, object?> or IDictionary:
                xml.Append("<value><struct>\n");
                foreach (var (name, member) in Members(value))
                {
                    xml.Append("<member><name>");
                    AppendEscaped(xml, name);
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
                WriteScalar(xml, value);
                break;
        }
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
                foreach (var (name, member) in Members(value))
                {
                    xml.Append("<member>\n<name>");
                    AppendEscaped(xml, name);
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
                WriteScalar(xml, value);
                xml.Append('\n');
                break;
        }
    }

    private static IEnumerable<(string Name, object? Value)> Members(object value) => value switch
    {
        IReadOnlyDictionary<string, object?> members => members.Select(m => (m.Key, m.Value)),
        IDictionary dictionary => dictionary.Keys.Cast<object>().Select(key =>
            (key as string ?? throw new XmlRpcFormatException($"struct keys must be strings, got {key.GetType().Name}"),
                dictionary[key])),
        _ => throw new XmlRpcFormatException($"{value.GetType().Name} is not a struct"),
    };

    private static void WriteScalar(StringBuilder xml, object? value)
    {
        switch (value)
        {
            case null:
                xml.Append("<value><nil/></value>");
                return;
            case bool b:
                xml.Append("<value><boolean>").Append(b ? '1' : '0').Append("</boolean></value>");
                return;
            case string s:
                xml.Append("<value><string>");
                AppendEscaped(xml, s);
                xml.Append("</string></value>");
                return;
            case int or short or byte or sbyte or ushort:
                xml.Append("<value><int>").Append(Convert.ToInt32(value, CultureInfo.InvariantCulture)).Append("</int></value>");
                return;
            case long or uint:
                var number = Convert.ToInt64(value, CultureInfo.InvariantCulture);
                var tag = number is >= int.MinValue and <= int.MaxValue ? "int" : "i8";
                xml.Append($"<value><{tag}>").Append(number.ToString(CultureInfo.InvariantCulture)).Append($"</{tag}></value>");
                return;
            case double or float or decimal:
                xml.Append("<value><double>").Append(FormatDouble(Convert.ToDouble(value, CultureInfo.InvariantCulture)))
                    .Append("</double></value>");
                return;
            case Enum e:
                WriteScalar(xml, Convert.ToInt64(e, CultureInfo.InvariantCulture));
                return;
            case byte[] bytes:
                xml.Append("<value><base64>").Append(Convert.ToBase64String(bytes)).Append("</base64></value>");
                return;
            case DateTime or DateTimeOffset:
                throw new XmlRpcFormatException(
                    "Koji rejects <dateTime.iso8601> (fault 1): send times as epoch seconds or 'YYYY-MM-DD HH:MM:SS+00:00' strings");
            default:
                throw new XmlRpcFormatException($"{value.GetType().Name} has no XML-RPC encoding");
        }
    }

    /// <summary>Python's <c>repr(float)</c>: shortest round-trip digits, always with a fraction or exponent.</summary>
    private static string FormatDouble(double value)
    {
        if (double.IsNaN(value) || double.IsInfinity(value))
        {
            throw new XmlRpcFormatException($"XML-RPC cannot carry the double {value}");
        }
        var text = value.ToString("R", CultureInfo.InvariantCulture).Replace('E', 'e');
        return text.Contains('.') || text.Contains('e') ? text : text + ".0";
    }

    private static void AppendEscaped(StringBuilder xml, string text)
    {
        foreach (var c in text)
        {
            switch (c)
            {
                case '&': xml.Append("&amp;"); break;
                case '<': xml.Append("&lt;"); break;
                case '>': xml.Append("&gt;"); break;
                case '\r': xml.Append("&#13;"); break; // a raw CR would be normalised away by the reader
                case '\t' or '\n':
                    xml.Append(c);
                    break;
                case < ' ' or '\uFFFE' or '\uFFFF':
                    throw new XmlRpcFormatException($"U+{(int)c:X4} cannot be carried in XML 1.0");
                default:
                    xml.Append(c);
                    break;
            }
        }
    }
}
