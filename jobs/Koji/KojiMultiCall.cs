using Releng.Jobs.Koji.XmlRpc;

namespace Releng.Jobs.Koji;

/// <summary>The multicall round trip shared by anonymous clients and sessions: batch, send, match entries back to calls.</summary>
internal static class KojiMultiCall
{
    public const string Method = "system.multicall";

    public static async Task<IReadOnlyList<KojiResult<T>>> RunAsync<T>(
        IReadOnlyList<KojiCall<T>> calls, KojiClientOptions options, bool concurrent,
        Func<string, CancellationToken, Task<XmlRpcResult>> send, CancellationToken cancellationToken)
    {
        if (calls.Count == 0)
        {
            return [];
        }
        var encoded = calls.Select(call => call.ToXmlRpc()).ToList();
        var batches = MultiCallBatches.Split(encoded, options.MaxCallsPerMultiCall, options.MaxMultiCallBytes);
        var results = new KojiResult<T>[calls.Count];

        async Task RunBatch(IReadOnlyList<int> batch)
        {
            var response = await send(XmlRpcCodec.EncodeMultiCall(batch.Select(index => encoded[index])), cancellationToken);
            if (response.Fault is { } fault)
            {
                throw KojiFaultException.Create(Method, fault);
            }
            IReadOnlyList<XmlRpcResult> entries;
            try
            {
                entries = XmlRpcCodec.ReadMultiCallResults(response.Value);
            }
            catch (XmlRpcFormatException e)
            {
                throw new KojiProtocolException(Method, e.Message, null, e);
            }
            if (entries.Count != batch.Count)
            {
                throw new KojiProtocolException(Method, $"{batch.Count} calls sent but {entries.Count} results received");
            }
            for (var k = 0; k < batch.Count; k++)
            {
                var call = calls[batch[k]];
                results[batch[k]] = entries[k].Fault is { } entryFault
                    ? KojiResult<T>.Failure(KojiFaultException.Create(call.Method, entryFault))
                    : KojiResult<T>.Success(Decode(call, entries[k].Value));
            }
        }

        if (concurrent)
        {
            await Task.WhenAll(batches.Select(RunBatch));
        }
        else
        {
            foreach (var batch in batches)
            {
                await RunBatch(batch);
            }
        }
        return results;
    }

    /// <summary>Turns one call's outcome into its typed value, or throws its fault.</summary>
    public static T Unwrap<T>(KojiCall<T> call, XmlRpcResult result) =>
        result.Fault is { } fault ? throw KojiFaultException.Create(call.Method, fault) : Decode(call, result.Value);

    private static T Decode<T>(KojiCall<T> call, object? value)
    {
        try
        {
            return call.Decode(value);
        }
        catch (Exception e) when (e is XmlRpcFormatException or FormatException or InvalidCastException)
        {
            throw new KojiProtocolException(call.Method, $"unexpected result: {e.Message}", null, e);
        }
    }
}
