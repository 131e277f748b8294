namespace Releng.Jobs.Koji.XmlRpc;

/// <summary>The outcome of one call: a value, or a fault. A whole response and each multicall entry are one of these.</summary>
public sealed record XmlRpcResult(object? Value, XmlRpcFault? Fault)
{
    public bool IsFault => Fault is not null;

    public static XmlRpcResult Success(object? value) => new(value, null);
    public static XmlRpcResult Failure(XmlRpcFault fault) => new(null, fault);
}
