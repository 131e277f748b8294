using Releng.Jobs.Koji.XmlRpc;

namespace Releng.Jobs.Koji;

/// <summary>
/// One hub call: method, positional arguments, keyword arguments (sent as a final struct marked
/// <c>__starstar</c>), and how to turn the result into <typeparamref name="T"/>. The same call runs alone
/// (<see cref="IKojiClient.CallAsync{T}"/>) or inside a multicall (<see cref="IKojiClient.MultiCallAsync{T}"/>).
/// Typed calls come from <see cref="KojiCalls"/>; <see cref="KojiCall.Raw"/> builds any other.
/// </summary>
public sealed record KojiCall<T>(string Method, IReadOnlyList<object?> Args, XmlRpcStruct? Kwargs, Func<object?, T> Decode)
{
    public XmlRpcMethodCall ToXmlRpc()
    {
        if (Kwargs is not { Count: > 0 })
        {
            return new XmlRpcMethodCall(Method, Args);
        }
        var kwargs = new XmlRpcStruct(Kwargs) { ["__starstar"] = true };
        return new XmlRpcMethodCall(Method, [.. Args, kwargs]);
    }

    /// <summary>The same call with its result as <c>object</c>, to share one multicall with calls of other types.</summary>
    public KojiCall<object?> Untyped() => new(Method, Args, Kwargs, value => Decode(value));

    public override string ToString() => $"{Method}({string.Join(", ", Args.Select(XmlRpcValues.Describe))}"
        + (Kwargs is { Count: > 0 } ? ", " + string.Join(", ", Kwargs.Select(k => $"{k.Key}={XmlRpcValues.Describe(k.Value)}")) : "")
        + ")";
}

public static class KojiCall
{
    /// <summary>An untyped call; the result is the raw value model (see <see cref="XmlRpcValues"/>).</summary>
    public static KojiCall<object?> Raw(string method, IReadOnlyList<object?>? args = null, XmlRpcStruct? kwargs = null) =>
        new(method, args ?? [], kwargs, value => value);
}
