using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace Releng.Jobs.Koji.XmlRpc;

/// <summary>
/// Reads XML-RPC documents (no DTDs, no external entities) and their <c>&lt;value&gt;</c> elements into the value
/// model of <see cref="XmlRpcValues"/>: the client decodes responses with it, the sandbox's hub decodes calls.
/// </summary>
public static class XmlRpcReader
{
    private static readonly XmlReaderSettings ReaderSettings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
    };

    public static XDocument Parse(string xml)
    {
        using var reader = new StringReader(xml);
        return Parse(XmlReader.Create(reader, ReaderSettings));
    }

    public static XDocument Parse(Stream xml) => Parse(XmlReader.Create(xml, ReaderSettings));

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

    /// <summary>The one <c>&lt;value&gt;</c> of a <c>&lt;param&gt;</c>, <c>&lt;member&gt;</c> or <c>&lt;fault&gt;</c>.</summary>
    public static XElement SingleValue(XElement parent) =>
        parent.Element("value") ?? throw new XmlRpcFormatException($"<{parent.Name.LocalName}> has no <value>");

    public static object? DecodeValue(XElement value)
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
}
