using System.Collections;
using System.Globalization;

namespace Releng.Jobs.Koji.XmlRpc;

/// <summary>
/// An XML-RPC <c>&lt;struct&gt;</c>: string keys to values, in the order they were added (the wire order), so
/// requests encode deterministically and keyword arguments keep <c>__starstar</c> last. The typed getters read
/// Koji rows, where a missing member is a protocol error and nil is a legitimate "unset".
/// </summary>
public sealed class XmlRpcStruct : IReadOnlyDictionary<string, object?>
{
    private readonly List<string> _order = [];
    private readonly Dictionary<string, object?> _values = new(StringComparer.Ordinal);

    public XmlRpcStruct()
    {
    }

    public XmlRpcStruct(IEnumerable<KeyValuePair<string, object?>> members)
    {
        foreach (var (name, value) in members)
        {
            this[name] = value;
        }
    }

    /// <summary>Sets a member; a new name goes to the end, an existing one keeps its place (last value wins, as in Python).</summary>
    public object? this[string name]
    {
        get => _values.TryGetValue(name, out var value)
            ? value
            : throw new XmlRpcFormatException($"struct has no member '{name}'");
        set
        {
            if (!_values.ContainsKey(name))
            {
                _order.Add(name);
            }
            _values[name] = value;
        }
    }

    public void Add(string name, object? value) => this[name] = value;

    public int Count => _order.Count;
    public IEnumerable<string> Keys => _order;
    public IEnumerable<object?> Values => _order.Select(name => _values[name]);
    public bool ContainsKey(string key) => _values.ContainsKey(key);
    public bool TryGetValue(string key, out object? value) => _values.TryGetValue(key, out value);

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() =>
        _order.Select(name => new KeyValuePair<string, object?>(name, _values[name])).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Null when the member is absent or nil.</summary>
    public object? GetOrNull(string name) => _values.GetValueOrDefault(name);

    public string GetString(string name) =>
        GetStringOrNull(name) ?? throw new XmlRpcFormatException($"struct member '{name}' is nil, a string was expected");

    public string? GetStringOrNull(string name) => GetOrNull(name) switch
    {
        null => null,
        string s => s,
        // Untyped numbers in hand-made data still read as text where Koji documents a string.
        int or long or double => Convert.ToString(GetOrNull(name), CultureInfo.InvariantCulture),
        var other => throw WrongType(name, "string", other),
    };

    public int GetInt32(string name) =>
        GetInt32OrNull(name) ?? throw new XmlRpcFormatException($"struct member '{name}' is nil, an integer was expected");

    public int? GetInt32OrNull(string name) => GetOrNull(name) switch
    {
        null => null,
        int i => i,
        long l when l is >= int.MinValue and <= int.MaxValue => (int)l,
        var other => throw WrongType(name, "int", other),
    };

    public long GetInt64(string name) =>
        GetInt64OrNull(name) ?? throw new XmlRpcFormatException($"struct member '{name}' is nil, an integer was expected");

    public long? GetInt64OrNull(string name) => GetOrNull(name) switch
    {
        null => null,
        int i => i,
        long l => l,
        var other => throw WrongType(name, "i8", other),
    };

    public double? GetDoubleOrNull(string name) => GetOrNull(name) switch
    {
        null => null,
        double d => d,
        int i => i,
        long l => l,
        var other => throw WrongType(name, "double", other),
    };

    public bool GetBoolean(string name) => GetBooleanOrNull(name) ?? false;

    public bool? GetBooleanOrNull(string name) => GetOrNull(name) switch
    {
        null => null,
        bool b => b,
        int i => i != 0,
        var other => throw WrongType(name, "boolean", other),
    };

    public XmlRpcStruct? GetStructOrNull(string name) => GetOrNull(name) switch
    {
        null => null,
        XmlRpcStruct s => s,
        var other => throw WrongType(name, "struct", other),
    };

    public IReadOnlyList<object?> GetArray(string name) => GetOrNull(name) switch
    {
        null => [],
        IReadOnlyList<object?> list => list,
        var other => throw WrongType(name, "array", other),
    };

    private static XmlRpcFormatException WrongType(string name, string expected, object value) =>
        new($"struct member '{name}' is {XmlRpcValues.TypeName(value)}, {expected} was expected");

    public override string ToString() =>
        "{" + string.Join(", ", _order.Select(name => $"{name}: {XmlRpcValues.Describe(_values[name])}")) + "}";
}
