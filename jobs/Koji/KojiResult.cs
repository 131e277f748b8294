namespace Releng.Jobs.Koji;

/// <summary>One multicall entry's outcome: a value, or the fault that call alone raised (the others still ran).</summary>
public sealed class KojiResult<T>
{
    private readonly T _value;

    private KojiResult(T value, KojiFaultException? error)
    {
        _value = value;
        Error = error;
    }

    public KojiFaultException? Error { get; }
    public bool Succeeded => Error is null;

    /// <summary>The value; throws the call's fault when it failed.</summary>
    public T Value => Error is null ? _value : throw Error;

    public static KojiResult<T> Success(T value) => new(value, null);
    public static KojiResult<T> Failure(KojiFaultException error) => new(default!, error);

    public override string ToString() => Succeeded ? $"ok: {_value}" : $"fault: {Error!.Message}";
}
