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

    /// <summary>Where the entry and each of its <c>with:</c> values stand in the file (line, column), for later errors.</summary>
    [YamlDotNet.Serialization.YamlIgnore]
    public JobPositions Positions { get; set; } = new();
}

/// <summary>Line and column (1-based; 0 when unknown) of a jobs.yaml entry and of its parameter values.</summary>
public sealed class JobPositions
{
    public (long Line, long Column) Entry { get; set; }
    public Dictionary<string, (long Line, long Column)> Parameters { get; } = [];

    public (long Line, long Column) Of(string parameter) => Parameters.GetValueOrDefault(parameter, Entry);
}
