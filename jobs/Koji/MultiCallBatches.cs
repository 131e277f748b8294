using Releng.Jobs.Koji.XmlRpc;

namespace Releng.Jobs.Koji;

/// <summary>Splits calls into consecutive multicall batches of at most N calls and B encoded bytes each (a lone oversized call gets a batch of its own).</summary>
public static class MultiCallBatches
{
    public static IReadOnlyList<IReadOnlyList<int>> Split(IReadOnlyList<XmlRpcMethodCall> calls, int maxCalls, int maxBytes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxCalls, 1);
        var batches = new List<IReadOnlyList<int>>();
        var current = new List<int>();
        var bytes = 0;
        for (var index = 0; index < calls.Count; index++)
        {
            var size = XmlRpcCodec.MultiCallEntrySize(calls[index]);
            if (current.Count > 0 && (current.Count == maxCalls || bytes + size > maxBytes))
            {
                batches.Add(current);
                current = [];
                bytes = 0;
            }
            current.Add(index);
            bytes += size;
        }
        if (current.Count > 0)
        {
            batches.Add(current);
        }
        return batches;
    }
}
