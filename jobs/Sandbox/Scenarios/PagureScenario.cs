namespace Releng.Jobs.Sandbox.Scenarios;

/// <summary>
/// The <c>pagure:</c> section of a scenario: ticket projects on the fake pagure.io and the bot's account.
/// <code>
/// pagure:
///   bot: releng-bot
///   projects:
///     releng:
///       close_statuses: [Fixed, Invalid, Duplicate, "Insufficient data", Upstream, "Can't Fix"]
///       issues:
///         - { id: 12001, title: "Unretire rpms/python-pyte", author: jdoe, body: "Please unretire", days_ago: 2,
///             comments: [ { author: releng-bot, body: "…", days_ago: 1 } ] }
/// </code>
/// </summary>
public sealed class PagureScenario
{
    /// <summary>The user every API token acts as, unless <see cref="Tokens"/> names another.</summary>
    public string Bot { get; set; } = "releng-bot";

    /// <summary>Token → user, to act as someone other than the bot (e.g. to test a non-committer being refused).</summary>
    public Dictionary<string, string> Tokens { get; set; } = [];

    /// <summary>
    /// Token → project path, for project-scoped API tokens. Like the real server, editing an issue (assigning, custom
    /// fields) needs a token of that project, and a project token is refused on every other project. Tokens not listed
    /// are user tokens.
    /// </summary>
    public Dictionary<string, string> ProjectTokens { get; set; } = [];

    /// <summary>Projects by path: <c>releng</c>, <c>releng/fedora-scm-requests</c>.</summary>
    public Dictionary<string, Project> Projects { get; set; } = [];

    public sealed class Project
    {
        public string? Description { get; set; }
        /// <summary>Main admin; the bot always has commit rights on top.</summary>
        public string Owner { get; set; } = "releng";
        public List<string> Committers { get; set; } = [];
        public List<string> CloseStatuses { get; set; } = [];
        public List<string> Milestones { get; set; } = [];
        /// <summary>Custom issue fields by name → type (<c>text</c>, <c>boolean</c>, <c>link</c>, <c>list</c>, <c>date</c>).</summary>
        public Dictionary<string, string> CustomFields { get; set; } = [];
        public List<Issue> Issues { get; set; } = [];
    }

    public sealed class Issue
    {
        /// <summary>Defaults to one more than the previous issue of the project.</summary>
        public int? Id { get; set; }
        public required string Title { get; set; }
        public required string Author { get; set; }
        public string Body { get; set; } = "";
        public double DaysAgo { get; set; }
        /// <summary>When the last change happened; defaults to the newest comment or the creation.</summary>
        public double? UpdatedDaysAgo { get; set; }
        /// <summary><c>Open</c> or <c>Closed</c>.</summary>
        public string Status { get; set; } = "Open";
        public string? CloseStatus { get; set; }
        public string? Assignee { get; set; }
        public List<string> Tags { get; set; } = [];
        public bool Private { get; set; }
        public int? Priority { get; set; }
        public string? Milestone { get; set; }
        public Dictionary<string, string> CustomFields { get; set; } = [];
        /// <summary>
        /// On a project the forge holds (<see cref="ForgejoScenario.FromPagure"/>): a ticket brought over by the Pagure
        /// migration, whose author and comment authors show as the Ghost user with <c>original_author</c>.
        /// </summary>
        public bool Migrated { get; set; }
        public List<Comment> Comments { get; set; } = [];
    }

    public sealed class Comment
    {
        public required string Author { get; set; }
        public required string Body { get; set; }
        public double DaysAgo { get; set; }
        /// <summary>A system "Metadata Update" comment rather than a person's.</summary>
        public bool Notification { get; set; }
    }
}
