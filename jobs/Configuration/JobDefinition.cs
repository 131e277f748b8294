using YamlDotNet.Serialization;

namespace Releng.Jobs.Configuration;

/// <summary>One entry under <c>jobs:</c>: a task, its schedule and its parameters.</summary>
public sealed class JobDefinition
{
    /// <summary>The build task that runs this job (<c>unretire</c>, <c>scm-requests</c>, …).</summary>
    public required string Task { get; set; }

    public string? Description { get; set; }

    /// <summary>A 5-field cron in UTC, as GitHub Actions reads it; Quartz gets the seconds field added.</summary>
    public string? Schedule { get; set; }

    /// <summary>Whether scheduled runs act (<c>--apply</c>) or only plan.</summary>
    public bool Apply { get; set; }

    public bool Enabled { get; set; } = true;

    /// <summary><c>repository_dispatch</c> event types that trigger this job, e.g. <c>pagure-ticket</c>.</summary>
    public List<string> Events { get; set; } = [];

    /// <summary>The task's parameters; checked against the task's <see cref="TaskSpec"/>.</summary>
    public Dictionary<string, object?> With { get; set; } = [];

    /// <summary>Where the entry's name stands in the file; set by <see cref="JobsFileLoader"/>.</summary>
    [YamlIgnore]
    public SourceMark At { get; set; } = new("jobs.yaml");

    /// <summary>Where each key's value stands (<c>schedule</c>, <c>with.phase</c>, …); set by <see cref="JobsFileLoader"/>.</summary>
    [YamlIgnore]
    public IReadOnlyDictionary<string, SourceMark> Marks { get; set; } = new Dictionary<string, SourceMark>();

    /// <summary>Where <paramref name="key"/>'s value is written, or the entry when it is not.</summary>
    public SourceMark Where(string key) => Marks.GetValueOrDefault(key) ?? At;

    /// <summary>Where each parameter under <c>with:</c> is written.</summary>
    public ParameterOrigins ParameterOrigins => new(At, With.Keys.ToDictionary(k => k, k => Where($"with.{k}")));
}
