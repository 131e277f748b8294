using System.Globalization;

namespace Releng.Jobs.Configuration;

/// <summary>A job's <c>with:</c> values, already validated against its <see cref="TaskSpec"/>, with the spec's defaults.</summary>
public sealed class JobParameters(TaskSpec spec, IReadOnlyDictionary<string, object?> values, ParameterOrigins? origins = null)
{
    public TaskSpec Spec { get; } = spec;

    /// <summary>Where each value was written, for errors a binder or a job finds later.</summary>
    public ParameterOrigins Origins { get; } = origins ?? ParameterOrigins.None;

    public static JobParameters Defaults(TaskSpec spec) => new(spec, new Dictionary<string, object?>());

    /// <summary>A value given somewhere else than jobs.yaml, e.g. <c>--force</c> on the command line.</summary>
    public JobParameters With(string name, object? value, SourceMark? from = null)
    {
        var copy = values.ToDictionary(kv => kv.Key, kv => kv.Value);
        copy[name] = value;
        return new JobParameters(Spec, copy, from is null ? Origins : Origins.With(name, from));
    }

    /// <summary>An error about parameter <paramref name="name"/>, at the place it was written.</summary>
    public ConfigurationException Error(string name, string problem) => Origins.Error(name, problem);

    private object? Raw(string name)
    {
        var spec = Spec.Parameter(name) ?? throw new ArgumentException($"task '{Spec.Name}' has no parameter '{name}'", nameof(name));
        return values.TryGetValue(name, out var value) && value is not null ? value : spec.Default;
    }

    public string Text(string name) => TextOrNull(name) ?? throw Error(name, $"parameter '{name}' of task '{Spec.Name}' is not set");

    public string? TextOrNull(string name) => Raw(name) switch { null => null, var v => Convert.ToString(v, CultureInfo.InvariantCulture) };

    public int? Integer(string name) => Raw(name) switch
    {
        null => null,
        int i => i,
        var v => int.TryParse(Convert.ToString(v, CultureInfo.InvariantCulture), NumberStyles.Integer, CultureInfo.InvariantCulture, out var i)
            ? i
            : throw Error(name, $"parameter '{name}': '{v}' is not a whole number"),
    };

    public bool Boolean(string name) => Raw(name) switch
    {
        null => false,
        bool b => b,
        var v => bool.TryParse(Convert.ToString(v, CultureInfo.InvariantCulture), out var b)
            ? b
            : throw Error(name, $"parameter '{name}': '{v}' is not true or false"),
    };

    public IReadOnlyList<string> TextList(string name) => Raw(name) switch
    {
        null => [],
        IEnumerable<string> list => list.ToList(),
        IEnumerable<object> list => list.Select(i => Convert.ToString(i, CultureInfo.InvariantCulture)!).ToList(),
        var v => [Convert.ToString(v, CultureInfo.InvariantCulture)!],
    };
}
