using System.Collections;
using System.Globalization;

namespace Releng.Jobs.Koji.XmlRpc;

/// <summary>
/// The value model: nil ↔ <c>null</c>, <c>&lt;int&gt;/&lt;i4&gt;</c> ↔ <see cref="int"/>, <c>&lt;i8&gt;</c> ↔
/// <see cref="long"/>, <c>&lt;double&gt;</c> ↔ <see cref="double"/>, <c>&lt;boolean&gt;</c> ↔ <see cref="bool"/>,
/// <c>&lt;string&gt;</c> and untyped text ↔ <see cref="string"/>, <c>&lt;base64&gt;</c> ↔ <c>byte[]</c>,
/// <c>&lt;array&gt;</c> ↔ <see cref="IReadOnlyList{T}"/> of values (decoded as <c>List&lt;object?&gt;</c>),
/// <c>&lt;struct&gt;</c> ↔ <see cref="XmlRpcStruct"/>, <c>&lt;dateTime.iso8601&gt;</c> → <see cref="DateTime"/>
/// (decoded only: Koji faults on it, so it is never sent).
/// </summary>
public static class XmlRpcValues
{
    public static string TypeName(object? value) => value switch
    {
        null => "nil",
        int => "int",
        long => "i8",
        double => "double",
        bool => "boolean",
        string => "string",
        byte[] => "base64",
        DateTime => "dateTime.iso8601",
        XmlRpcStruct => "struct",
        IEnumerable => "array",
        _ => value.GetType().Name,
    };

    /// <summary>A short, human-readable rendering for messages and test output.</summary>
    public static string Describe(object? value) => value switch
    {
        null => "nil",
        string s => $"\"{s}\"",
        bool b => b ? "true" : "false",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        byte[] bytes => $"base64({bytes.Length} bytes)",
        DateTime t => t.ToString("s", CultureInfo.InvariantCulture),
        XmlRpcStruct s => s.ToString(),
        IEnumerable list => "[" + string.Join(", ", list.Cast<object?>().Select(Describe)) + "]",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    /// <summary>Structural equality over the value model (arrays and structs compared member by member).</summary>
    public static bool DeepEquals(object? left, object? right) => (left, right) switch
    {
        (null, null) => true,
        (null, _) or (_, null) => false,
        (byte[] a, byte[] b) => a.AsSpan().SequenceEqual(b),
        (double a, double b) => a.Equals(b),
        (XmlRpcStruct a, XmlRpcStruct b) => a.Count == b.Count
            && a.All(member => b.TryGetValue(member.Key, out var other) && DeepEquals(member.Value, other)),
        (string, _) or (_, string) => Equals(left, right),
        (IEnumerable a, IEnumerable b) => a.Cast<object?>().Count() == b.Cast<object?>().Count()
            && a.Cast<object?>().Zip(b.Cast<object?>()).All(pair => DeepEquals(pair.First, pair.Second)),
        _ => Equals(left, right),
    };
}
