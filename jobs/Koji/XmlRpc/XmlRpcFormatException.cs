namespace Releng.Jobs.Koji.XmlRpc;

/// <summary>A document that is not well-formed XML-RPC, or a value of another type than the caller expected.</summary>
public sealed class XmlRpcFormatException(string message, Exception? inner = null) : Exception(message, inner);
