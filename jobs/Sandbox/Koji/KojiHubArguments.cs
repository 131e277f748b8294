using Releng.Jobs.Koji.XmlRpc;

namespace Releng.Jobs.Sandbox.Koji;

/// <summary>
/// Binds XML-RPC parameters to a hub function's Python signature: positional values, then keyword arguments from a
/// final <c>__starstar</c> struct; mistakes fault 1019 with Python's own wording.
/// </summary>
internal sealed class KojiHubArguments
{
    private readonly Dictionary<string, object?> _values;

    private KojiHubArguments(Dictionary<string, object?> values) => _values = values;

    public static KojiHubArguments Bind(IReadOnlyList<object?> parameters, string function, int required, params string[] names)
    {
        var positional = parameters.ToList();
        XmlRpcStruct? kwargs = null;
        if (positional.Count > 0 && positional[^1] is XmlRpcStruct last && last.GetOrNull("__starstar") is true)
        {
            kwargs = last;
            positional.RemoveAt(positional.Count - 1);
        }
        if (positional.Count > names.Length)
        {
            throw new KojiHubFault(1019, $"{function}() takes {names.Length} positional arguments but {positional.Count} were given");
        }
        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        for (var i = 0; i < positional.Count; i++)
        {
            values[names[i]] = positional[i];
        }
        foreach (var (name, value) in kwargs ?? new XmlRpcStruct())
        {
            if (name == "__starstar")
            {
                continue;
            }
            if (!names.Contains(name))
            {
                throw new KojiHubFault(1019, $"{function}() got an unexpected keyword argument '{name}'");
            }
            if (!values.TryAdd(name, value))
            {
                throw new KojiHubFault(1019, $"{function}() got multiple values for argument '{name}'");
            }
        }
        var missing = names.Take(required).Where(name => !values.ContainsKey(name)).ToList();
        if (missing.Count > 0)
        {
            throw new KojiHubFault(1019,
                $"{function}() missing {missing.Count} required positional argument{(missing.Count > 1 ? "s" : "")}: " +
                string.Join(" and ", missing.Select(name => $"'{name}'")));
        }
        return new KojiHubArguments(values);
    }

    public object? this[string name] => _values.GetValueOrDefault(name);

    public bool Flag(string name) => this[name] is true or 1;

    public int? Int(string name) => this[name] switch
    {
        int i => i,
        long l => (int)l,
        null => null,
        var other => throw new KojiHubFault(1, $"<class 'TypeError'>: expected an integer for {name}, got {XmlRpcValues.TypeName(other)}"),
    };

    public string? String(string name) => this[name] switch
    {
        string s => s,
        null => null,
        int or long => this[name]!.ToString(),
        double => throw new KojiHubFault(1, $"<class 'psycopg2.errors.UndefinedFunction'>: operator does not exist: text = numeric ({name})"),
        var other => throw new KojiHubFault(1, $"<class 'TypeError'>: expected a string for {name}, got {XmlRpcValues.TypeName(other)}"),
    };

    public XmlRpcStruct? Struct(string name) => this[name] as XmlRpcStruct;

    /// <summary>A time argument: epoch seconds or a timestamp string; dateTime.iso8601 is the observed TypeError.</summary>
    public DateTimeOffset? Time(string name) => this[name] switch
    {
        null => null,
        double d => Releng.Jobs.Koji.KojiTime.FromEpochSeconds(d),
        int i => DateTimeOffset.FromUnixTimeSeconds(i),
        long l => DateTimeOffset.FromUnixTimeSeconds(l),
        string s => Releng.Jobs.Koji.KojiTime.Parse(s),
        DateTime => throw new KojiHubFault(1, "<class 'TypeError'>: 'DateTime' object cannot be interpreted as an integer"),
        var other => throw new KojiHubFault(1, $"<class 'TypeError'>: cannot use {XmlRpcValues.TypeName(other)} as a time"),
    };
}
