namespace Releng.Jobs.Koji.XmlRpc;

/// <summary>A <c>&lt;methodCall&gt;</c>: a method name and positional parameters (values of the XML-RPC model).</summary>
public sealed record XmlRpcMethodCall(string MethodName, IReadOnlyList<object?> Params);
