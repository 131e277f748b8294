using Releng.Jobs.Configuration;
using YamlDotNet.Serialization;

namespace Releng.Jobs.Sandbox.Scenarios;

/// <summary>
/// The <c>bugzilla:</c> section of a scenario: review bugs, written the way a packager describes them.
/// People are named by their user under <c>people:</c> (their e-mail is used) or by an e-mail address.
/// </summary>
/// <example>
/// <code>
/// bugzilla:
///   bugs:
///     - id: 2300001
///       summary: "Review Request: perl-Foo - Foo"
///       creator: jdoe
///       assigned_to: reviewer
///       days_ago: 20
///       flags: [ { name: fedora-review, status: "+", setter: reviewer, days_ago: 3 } ]
/// </code>
/// </example>
public sealed class BugzillaScenario : IScenarioEntry
{
    /// <inheritdoc />
    [YamlIgnore]
    public SourceMark At { get; set; } = IScenarioEntry.Nowhere;

    public List<BugScenario> Bugs { get; set; } = [];

    /// <summary>Whose API key the jobs use: the author of the comments they post and the login <c>/rest/whoami</c> names.</summary>
    public string ApiUser { get; set; } = "releng-bot@fedoraproject.org";
}

public sealed class BugScenario : IScenarioEntry
{
    /// <inheritdoc />
    [YamlIgnore]
    public SourceMark At { get; set; } = IScenarioEntry.Nowhere;

    public required int Id { get; set; }
    public string Summary { get; set; } = "";
    /// <summary>A user under <c>people:</c> or an e-mail.</summary>
    public required string Creator { get; set; }
    /// <summary>A user, an e-mail, or omitted for <c>nobody@fedoraproject.org</c> (unassigned).</summary>
    public string? AssignedTo { get; set; }
    public string Component { get; set; } = "Package Review";
    public string Product { get; set; } = "Fedora";
    /// <summary>Defaults to <c>ASSIGNED</c> when someone is assigned, <c>NEW</c> otherwise.</summary>
    public string? Status { get; set; }
    public string Resolution { get; set; } = "";
    /// <summary>When the bug was filed; defaults to a day before its oldest flag or comment, at least 14 days ago.</summary>
    public double? DaysAgo { get; set; }
    /// <summary>The bug's first comment (comment #0).</summary>
    public string Description { get; set; } = "";
    public List<BugFlagScenario> Flags { get; set; } = [];
    public List<BugCommentScenario> Comments { get; set; } = [];
}

public sealed class BugFlagScenario : IScenarioEntry
{
    /// <inheritdoc />
    [YamlIgnore]
    public SourceMark At { get; set; } = IScenarioEntry.Nowhere;

    public string Name { get; set; } = "fedora-review";
    /// <summary><c>+</c>, <c>-</c> or <c>?</c>.</summary>
    public string Status { get; set; } = "+";
    /// <summary>A user or an e-mail.</summary>
    public required string Setter { get; set; }
    /// <summary>When the flag got its status.</summary>
    public double DaysAgo { get; set; }
}

public sealed class BugCommentScenario : IScenarioEntry
{
    /// <inheritdoc />
    [YamlIgnore]
    public SourceMark At { get; set; } = IScenarioEntry.Nowhere;

    /// <summary>A user or an e-mail.</summary>
    public required string Author { get; set; }
    public required string Text { get; set; }
    public double DaysAgo { get; set; }
}
