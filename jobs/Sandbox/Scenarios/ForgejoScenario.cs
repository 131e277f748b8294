namespace Releng.Jobs.Sandbox.Scenarios;

/// <summary>
/// The <c>forge:</c> section of a scenario: repositories with issue trackers on the fake Fedora Forge (Forgejo).
/// <code>
/// forge:
///   bot: releng-bot
///   max_response_items: 50            # the instance's page-size cap
///   orgs:
///     releng: { labels: [ { name: "Priority/High", exclusive: true } ] }
///   repos:
///     releng/fedora-scm-requests:
///       close_statuses: [Processed, Invalid, Denied]   # labels "Closed As/…", as the Pagure migration makes them
///       issues:
///         - { number: 70001, title: "New Repo for \"rpms/foo\"", author: jdoe, migrated: true, body: "…", days_ago: 2,
///             comments: [ { author: releng-bot, body: "…", days_ago: 1 } ] }
/// </code>
/// </summary>
public sealed class ForgejoScenario
{
    /// <summary>The user every API token acts as, unless <see cref="Tokens"/> names another.</summary>
    public string Bot { get; set; } = "releng-bot";

    /// <summary>Token → user, to act as someone other than the bot.</summary>
    public Dictionary<string, string> Tokens { get; set; } = [];

    /// <summary><c>[api] MAX_RESPONSE_ITEMS</c>: larger <c>limit</c>s are clamped to it silently.</summary>
    public int MaxResponseItems { get; set; } = 50;

    /// <summary><c>[api] DEFAULT_PAGING_NUM</c>: the page size without <c>limit</c>.</summary>
    public int DefaultPagingNum { get; set; } = 30;

    /// <summary>The server's UTC offset, which every timestamp it sends carries (<c>+02:00</c>).</summary>
    public string TimeZone { get; set; } = "+00:00";

    public Dictionary<string, Org> Orgs { get; set; } = [];

    /// <summary>
    /// Pagure projects of this scenario whose tickets live on the forge, as the repository they moved to
    /// (<c>releng: releng/tickets</c>): each ticket is seeded there as Forgejo's Pagure migration would have made it
    /// (tags as labels, close statuses as exclusive <c>Closed As/…</c> labels), Ghost-authored when marked
    /// <c>migrated</c>. A scenario written for pagure.io so names where its trackers are today.
    /// </summary>
    public Dictionary<string, string> FromPagure { get; set; } = [];

    /// <summary>Repositories by path: <c>releng/tickets</c>, <c>releng/fedora-scm-requests</c>.</summary>
    public Dictionary<string, Repo> Repos { get; set; } = [];

    public sealed class Org
    {
        /// <summary>Members may write to every repository of the organization (the bot always may).</summary>
        public List<string> Members { get; set; } = [];
        public List<Label> Labels { get; set; } = [];
    }

    public sealed class Repo
    {
        /// <summary>A private repository: anyone who is not a member gets 404, as if it did not exist.</summary>
        public bool Private { get; set; }
        /// <summary>Collaborators with write access besides the organization's members and the bot.</summary>
        public List<string> Writers { get; set; } = [];
        /// <summary>Exclusive <c>Closed As/&lt;status&gt;</c> labels, as the Pagure migration creates them.</summary>
        public List<string> CloseStatuses { get; set; } = [];
        public List<Label> Labels { get; set; } = [];
        public List<Issue> Issues { get; set; } = [];
    }

    public sealed class Label
    {
        public required string Name { get; set; }
        public string Color { get; set; } = "e11d21";
        public string Description { get; set; } = "";
        public bool Exclusive { get; set; }
    }

    public sealed class Issue
    {
        /// <summary>Defaults to one more than the previous issue of the repository.</summary>
        public int? Number { get; set; }
        public required string Title { get; set; }
        public required string Author { get; set; }
        /// <summary>Migrated from Pagure: the API shows the Ghost user with the author in <c>original_author</c>.</summary>
        public bool Migrated { get; set; }
        public string Body { get; set; } = "";
        public double DaysAgo { get; set; }
        public double? UpdatedDaysAgo { get; set; }
        /// <summary><c>open</c> or <c>closed</c>.</summary>
        public string State { get; set; } = "open";
        /// <summary>Label names (repository's, then organization's).</summary>
        public List<string> Labels { get; set; } = [];
        public List<string> Assignees { get; set; } = [];
        /// <summary>A pull request, which the issue list returns too unless asked for <c>type=issues</c>.</summary>
        public bool PullRequest { get; set; }
        public List<Comment> Comments { get; set; } = [];
    }

    public sealed class Comment
    {
        public required string Author { get; set; }
        public bool Migrated { get; set; }
        public required string Body { get; set; }
        public double DaysAgo { get; set; }
    }
}
