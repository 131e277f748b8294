using Releng.Jobs.Configuration;
using Releng.Jobs.Sandbox.Scenarios;

namespace Releng.Jobs.Sandbox.Bugzilla;

/// <summary>The fake Bugzilla's state: seeded from a scenario, changed by writes, saved with the sandbox world.</summary>
public sealed class BugzillaWorld
{
    /// <summary>Flag type ids as on Red Hat Bugzilla; only <c>fedora-review</c> matters to the jobs.</summary>
    private static readonly Dictionary<string, int> FlagTypeIds = new(StringComparer.Ordinal) { ["fedora-review"] = 11 };

    /// <summary>The API user's account id, as <c>/rest/whoami</c> reports it.</summary>
    public const int ApiUserId = 400_001;

    public List<BugRecord> Bugs { get; set; } = [];
    /// <summary>The account behind the API key: author of comments posted through the fake.</summary>
    public string ApiUser { get; set; } = "";
    /// <summary>The API user's full name, when the scenario names them under <c>people:</c>.</summary>
    public string ApiUserRealName { get; set; } = "";
    public int NextCommentId { get; set; } = 17_000_001;
    public int NextFlagId { get; set; } = 5_000_001;

    public BugRecord? Find(int id) => Bugs.FirstOrDefault(b => b.Id == id);

    public static BugzillaWorld Seed(Scenario scenario, SandboxPaths paths)
    {
        var apiUser = scenario.Bugzilla.ApiUser;
        var world = new BugzillaWorld
        {
            ApiUser = Email(scenario, apiUser, "bugzilla.api_user", scenario.Bugzilla.At),
            ApiUserRealName = scenario.People.GetValueOrDefault(apiUser)?.Fullname ?? "",
        };
        DateTimeOffset Ago(double days) => scenario.Clock - TimeSpan.FromDays(days);
        foreach (var bug in scenario.Bugzilla.Bugs)
        {
            var where = $"bugzilla bug {bug.Id}";
            if (world.Find(bug.Id) is not null)
            {
                throw new ConfigurationException(bug.At, $"{where} is listed twice");
            }
            var assignee = bug.AssignedTo is null ? "nobody@fedoraproject.org"
                : bug.AssignedTo.Length == 0 ? "" : Email(scenario, bug.AssignedTo, where, bug.At);
            var oldest = bug.Flags.Select(f => f.DaysAgo).Concat(bug.Comments.Select(c => c.DaysAgo)).DefaultIfEmpty(0).Max();
            var created = Ago(bug.DaysAgo ?? Math.Max(14, oldest + 1));
            var record = new BugRecord
            {
                Id = bug.Id,
                Summary = bug.Summary,
                Status = bug.Status ?? (assignee is "" or "nobody@fedoraproject.org" ? "NEW" : "ASSIGNED"),
                Resolution = bug.Resolution,
                Product = bug.Product,
                Component = [bug.Component],
                Creator = Email(scenario, bug.Creator, where, bug.At),
                AssignedTo = assignee,
                CreationTime = created,
            };
            record.Comments.Add(new CommentRecord
            {
                Id = world.NextCommentId++, Count = 0, Text = bug.Description, Creator = record.Creator, CreationTime = created,
            });
            foreach (var comment in bug.Comments.OrderByDescending(c => c.DaysAgo))
            {
                record.Comments.Add(new CommentRecord
                {
                    Id = world.NextCommentId++,
                    Count = record.Comments.Count,
                    Text = comment.Text,
                    Creator = Email(scenario, comment.Author, where, comment.At),
                    CreationTime = Ago(comment.DaysAgo),
                });
            }
            foreach (var flag in bug.Flags)
            {
                record.Flags.Add(new FlagRecord
                {
                    Id = world.NextFlagId++,
                    TypeId = FlagTypeIds.GetValueOrDefault(flag.Name, 100),
                    Name = flag.Name,
                    Status = flag.Status,
                    Setter = Email(scenario, flag.Setter, where, flag.At),
                    CreationDate = Ago(flag.DaysAgo),
                    ModificationDate = Ago(flag.DaysAgo),
                });
            }
            record.LastChangeTime = record.Flags.Select(f => f.ModificationDate)
                .Concat(record.Comments.Select(c => c.CreationTime))
                .Append(created)
                .Max();
            world.Bugs.Add(record);
        }
        return world;
    }

    /// <summary>A person named in the scenario: a user under <c>people:</c> (their e-mail) or an e-mail as written.</summary>
    private static string Email(Scenario scenario, string who, string where, SourceMark at)
    {
        if (who.Contains('@', StringComparison.Ordinal))
        {
            return who;
        }
        if (scenario.People.TryGetValue(who, out var person))
        {
            return person.EmailOr(who);
        }
        throw new ConfigurationException(at,
            $"{where}: '{who}' is neither a user under people: nor an e-mail address");
    }
}
