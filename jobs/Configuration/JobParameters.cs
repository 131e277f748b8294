using System.Globalization;

namespace Releng.Jobs.Configuration;

/// <summary>A job's <c>with:</c> values, already validated against its <see cref="TaskSpec"/>, with the spec's defaults.</summary>
public sealed class JobParameters(TaskSpec spec, IReadOnlyDictionary<string, object?> values)
{
    public TaskSpec Spec { get; } = spec;

    public static JobParameters Defaults(TaskSpec spec) => new(spec, new Dictionary<string, object?>());

    public JobParameters With(string name, object? value)
    {
        var copy = values.ToDictionary(kv => kv.Key, kv => kv.Value);
        copy[name] = value;
        return new JobParameters(Spec, copy);
    }

    private object? Raw(string name)
    {
        var spec = Spec.Parameter(name) ?? throw new ArgumentException($"task '{Spec.Name}' has no parameter '{name}'", nameof(name));
        return values.TryGetValue(name, out var value) && value is not null ? value : spec.Default;
    }

    public string Text(string name) => TextOrNull(name) ?? throw new ConfigurationException("jobs.yaml", 0, 0, $"parameter '{name}' of task '{Spec.Name}' is not set");

    public string? TextOrNull(string name) => Raw(name) switch { null => null, var v => Convert.ToString(v, CultureInfo.InvariantCulture) };

    public int? Integer(string name) => Raw(name) switch
    {
        null => null,
        int i => i,
        var v => int.Parse(Convert.ToString(v, CultureInfo.InvariantCulture)!, CultureInfo.InvariantCulture),
    };

    public bool Boolean(string name) => Raw(name) switch
    {
        null => false,
        bool b => b,
        var v => bool.Parse(Convert.ToString(v, CultureInfo.InvariantCulture)!),
    };

    public IReadOnlyList<string> TextList(string name) => Raw(name) switch
    {
        null => [],
        IEnumerable<string> list => list.ToList(),
        IEnumerable<object> list => list.Select(i => Convert.ToString(i, CultureInfo.InvariantCulture)!).ToList(),
        var v => [Convert.ToString(v, CultureInfo.InvariantCulture)!],
    };
}
