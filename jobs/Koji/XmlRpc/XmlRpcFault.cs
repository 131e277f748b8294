namespace Releng.Jobs.Koji.XmlRpc;

/// <summary>An XML-RPC fault: <c>faultCode</c> and <c>faultString</c> (Koji multicall faults also carry a traceback).</summary>
public sealed record XmlRpcFault(int Code, string Message, IReadOnlyList<string>? Traceback = null)
{
    public XmlRpcStruct ToStruct()
    {
        var fault = new XmlRpcStruct { ["faultCode"] = Code, ["faultString"] = Message };
        if (Traceback is not null)
        {
            fault["traceback"] = Traceback.Cast<object?>().ToList();
        }
        return fault;
    }

    /// <summary>Reads a fault struct; null when the struct is not one.</summary>
    public static XmlRpcFault? FromStruct(XmlRpcStruct value)
    {
        if (!value.ContainsKey("faultCode"))
        {
            return null;
        }
        var traceback = value.ContainsKey("traceback")
            ? value.GetArray("traceback").Select(line => line as string ?? "").ToList()
            : null;
        return new XmlRpcFault(value.GetInt32("faultCode"), value.GetStringOrNull("faultString") ?? "", traceback);
    }
}
