using System.Collections;
using System.Globalization;
using System.Text;

namespace Releng.Jobs.Koji.XmlRpc;

/// <summary>
/// Writes XML-RPC values: scalars, struct members and escaped text. The client lays out its requests compactly with
/// it; the sandbox's hub lays out responses the way the real hub does.
/// </summary>
public static class XmlRpcWriter
{
    /// <summary>A struct's members, from an <see cref="XmlRpcStruct"/> or any string-keyed dictionary.</summary>
    public static IEnumerable<(string Name, object? Value)> Members(object value) => value switch
    {
        IReadOnlyDictionary<string, object?> members => members.Select(m => (m.Key, m.Value)),
        IDictionary dictionary => dictionary.Keys.Cast<object>().Select(key =>
            (key as string ?? throw new XmlRpcFormatException($"struct keys must be strings, got {key.GetType().Name}"),
                dictionary[key])),
        _ => throw new XmlRpcFormatException($"{value.GetType().Name} is not a struct"),
    };

    /// <summary>A value that is neither a struct nor an array, as one <c>&lt;value&gt;</c> element.</summary>
    public static void WriteScalar(StringBuilder xml, object? value)
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

    public static void AppendEscaped(StringBuilder xml, string text)
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
