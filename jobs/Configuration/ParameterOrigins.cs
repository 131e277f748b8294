namespace Releng.Jobs.Configuration;

/// <summary>
/// Where a job's parameters were written: each value's place under <c>with:</c>, a command-line flag that overrode
/// it, or else the jobs.yaml entry itself (for a default). Errors found after loading, by a binder or by a job that
/// asks a service about a value, point there instead of at the top of the file.
/// </summary>
public sealed class ParameterOrigins(SourceMark entry, IReadOnlyDictionary<string, SourceMark>? values = null)
{
    private readonly IReadOnlyDictionary<string, SourceMark> _values = values ?? new Dictionary<string, SourceMark>();

    /// <summary>For parameters built in code (tests, benchmarks): errors name the file without a position.</summary>
    public static ParameterOrigins None { get; } = new(new SourceMark("jobs.yaml"));

    /// <summary>The jobs.yaml entry (or, for a task run without one, the file).</summary>
    public SourceMark Entry { get; } = entry;

    public SourceMark Of(string parameter) => _values.GetValueOrDefault(parameter) ?? Entry;

    public ConfigurationException Error(string parameter, string problem) => new(Of(parameter), problem);

    public ParameterOrigins With(string parameter, SourceMark mark)
    {
        var copy = _values.ToDictionary(kv => kv.Key, kv => kv.Value);
        copy[parameter] = mark;
        return new ParameterOrigins(Entry, copy);
    }
}
