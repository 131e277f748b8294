using System.Globalization;
using Releng.Jobs.Sandbox.Scenarios;

namespace Releng.Jobs.Sandbox.Forgejo;

/// <summary>The fake Forgejo's state: seeded from a scenario, changed by writes, saved with the sandbox world.</summary>
public sealed class ForgejoWorld
{
    public const string GhostLogin = "Ghost";
    public const string ClosedAsPrefix = "Closed As/";

    public string Bot { get; set; } = "releng-bot";
    public Dictionary<string, string> Tokens { get; set; } = [];
    public int MaxResponseItems { get; set; } = 50;
    public int DefaultPagingNum { get; set; } = 30;
    public string TimeZone { get; set; } = "+00:00";
    public Dictionary<string, ForgejoOrgState> Orgs { get; set; } = [];
    public Dictionary<string, ForgejoRepoState> Repos { get; set; } = [];
    /// <summary>Account ids by login, handed out as accounts first appear (the Ghost user is −1).</summary>
    public Dictionary<string, long> UserIds { get; set; } = [];
    /// <summary>Issue, comment and label ids are instance-wide, as on a real server.</summary>
    public long LastIssueId { get; set; }
    public long LastCommentId { get; set; }
    public long LastLabelId { get; set; }
    public DateTimeOffset LastWriteAt { get; set; }
    public List<ForgejoWrite> Writes { get; set; } = [];

    /// <summary>The user a token acts as: a token named in the scenario, else the bot.</summary>
    public string UserForToken(string token) => Tokens.TryGetValue(token, out var user) ? user : Bot;

    public long UserId(string login)
    {
        if (login == GhostLogin)
        {
            return -1;
        }
        if (!UserIds.TryGetValue(login, out var id))
        {
            id = UserIds.Count + 1;
            UserIds[login] = id;
        }
        return id;
    }

    public TimeSpan Offset => TimeSpan.Parse(TimeZone.TrimStart('+'), CultureInfo.InvariantCulture) * (TimeZone.StartsWith('-') ? -1 : 1);

    /// <summary>Whether <paramref name="user"/> may write to <paramref name="path"/>: the bot, org members, collaborators.</summary>
    public bool IsWriter(string path, string? user)
    {
        if (user is null || !Repos.TryGetValue(path, out var repo))
        {
            return false;
        }
        var owner = path.Split('/')[0];
        return user == Bot || user == owner || repo.Writers.Contains(user)
            || (Orgs.TryGetValue(owner, out var org) && org.Members.Contains(user));
    }

    public bool CanRead(string path, string? user) =>
        Repos.TryGetValue(path, out var repo) && (!repo.Private || IsWriter(path, user));

    /// <summary>The repository's labels, then its organization's.</summary>
    public IEnumerable<ForgejoLabelState> LabelsOf(string path)
    {
        var repoLabels = Repos.TryGetValue(path, out var repo) ? repo.Labels : [];
        var orgLabels = Orgs.TryGetValue(path.Split('/')[0], out var org) ? org.Labels : [];
        return repoLabels.Concat(orgLabels);
    }

    public static ForgejoWorld Seed(Scenario scenario)
    {
        var section = scenario.Forge;
        var world = new ForgejoWorld
        {
            Bot = section.Bot,
            Tokens = new(section.Tokens),
            MaxResponseItems = section.MaxResponseItems,
            DefaultPagingNum = section.DefaultPagingNum,
            TimeZone = section.TimeZone,
            LastWriteAt = scenario.Clock,
        };
        world.UserId(world.Bot);
        var accounts = scenario.People.Keys
            .Concat(section.Tokens.Values)
            .Concat(section.Orgs.Values.SelectMany(org => org.Members));
        foreach (var account in accounts.Where(account => account.Length > 0))
        {
            world.UserId(account);
        }
        DateTimeOffset Ago(double days) => scenario.Clock - TimeSpan.FromDays(days);
        foreach (var (name, org) in section.Orgs)
        {
            world.Orgs[name] = new ForgejoOrgState { Members = [.. org.Members], Labels = org.Labels.Select(world.NewLabel).ToList() };
        }
        var repoId = 0;
        foreach (var (path, repo) in section.Repos.Concat(section.FromPagure.Select(moved => KeyValuePair.Create(moved.Value, FromPagureProject(scenario, moved.Key)))))
        {
            var state = new ForgejoRepoState { Id = ++repoId, Private = repo.Private, Writers = [.. repo.Writers] };
            state.Labels.AddRange(repo.CloseStatuses.Select(status => world.NewLabel(new ForgejoScenario.Label
            {
                Name = ClosedAsPrefix + status, Color = "FF0000", Exclusive = true, Description = $"Closed with the reason of {status}",
            })));
            state.Labels.AddRange(repo.Labels.Select(world.NewLabel));
            world.Repos[path] = state;
            var next = 1;
            foreach (var issue in repo.Issues)
            {
                var number = issue.Number ?? next;
                next = number + 1;
                var comments = issue.Comments.OrderBy(comment => -comment.DaysAgo).Select(comment => new ForgejoCommentState
                {
                    Id = ++world.LastCommentId,
                    Author = comment.Migrated ? GhostLogin : comment.Author,
                    OriginalAuthor = comment.Migrated ? comment.Author : "",
                    Body = comment.Body,
                    CreatedAt = Ago(comment.DaysAgo),
                    UpdatedAt = Ago(comment.DaysAgo),
                }).ToList();
                var created = Ago(issue.DaysAgo);
                var updated = issue.UpdatedDaysAgo is { } days
                    ? Ago(days)
                    : comments.Select(comment => comment.CreatedAt).Append(created).Max();
                var closed = string.Equals(issue.State, "closed", StringComparison.OrdinalIgnoreCase);
                state.Issues.Add(new ForgejoIssueState
                {
                    Id = ++world.LastIssueId,
                    Number = number,
                    Title = issue.Title,
                    Body = issue.Body,
                    Author = issue.Migrated ? GhostLogin : issue.Author,
                    OriginalAuthor = issue.Migrated ? issue.Author : "",
                    State = closed ? "closed" : "open",
                    IsPullRequest = issue.PullRequest,
                    Labels = issue.Labels.Select(label => world.LabelsOf(path).FirstOrDefault(known => known.Name == label)?.Id
                        ?? throw new InvalidOperationException($"forge repo {path} issue {number}: unknown label '{label}'")).ToList(),
                    Assignees = [.. issue.Assignees],
                    CreatedAt = created,
                    UpdatedAt = updated,
                    ClosedAt = closed ? updated : null,
                    Comments = comments,
                });
            }
        }
        var people = world.Repos.Values.SelectMany(repo => repo.Writers.Concat(repo.Issues.SelectMany(issue =>
            issue.Assignees.Append(issue.Author).Concat(issue.Comments.Select(comment => comment.Author)))));
        foreach (var account in people.Where(account => account.Length > 0))
        {
            world.UserId(account);
        }
        return world;
    }

    /// <summary>A pagure.io project of the scenario as Forgejo's Pagure migration leaves it.</summary>
    private static ForgejoScenario.Repo FromPagureProject(Scenario scenario, string project)
    {
        if (!scenario.Pagure.Projects.TryGetValue(project, out var source))
        {
            throw new InvalidOperationException($"forge.from_pagure names '{project}', which is not a project under pagure.projects");
        }
        var tags = source.Issues.SelectMany(issue => issue.Tags).Distinct(StringComparer.Ordinal);
        return new ForgejoScenario.Repo
        {
            Writers = [.. source.Committers, source.Owner],
            CloseStatuses = [.. source.CloseStatuses],
            Labels = tags.Select(tag => new ForgejoScenario.Label { Name = tag }).ToList(),
            Issues = source.Issues.Where(issue => !issue.Private).Select(issue => new ForgejoScenario.Issue
            {
                Number = issue.Id,
                Title = issue.Title,
                Author = issue.Author,
                Migrated = issue.Migrated,
                Body = issue.Body,
                DaysAgo = issue.DaysAgo,
                UpdatedDaysAgo = issue.UpdatedDaysAgo,
                State = string.Equals(issue.Status, "Closed", StringComparison.OrdinalIgnoreCase) || issue.CloseStatus is not null ? "closed" : "open",
                Labels = [.. issue.Tags, .. issue.CloseStatus is { } status ? [ClosedAsPrefix + status] : Array.Empty<string>()],
                Assignees = issue.Assignee is { } assignee ? [assignee] : [],
                // Pagure's own "Metadata Update" notices are events on a forge, not comments.
                Comments = issue.Comments.Where(comment => !comment.Notification).Select(comment => new ForgejoScenario.Comment
                {
                    Author = comment.Author, Migrated = issue.Migrated, Body = comment.Body, DaysAgo = comment.DaysAgo,
                }).ToList(),
            }).ToList(),
        };
    }

    private ForgejoLabelState NewLabel(ForgejoScenario.Label label) => new()
    {
        Id = ++LastLabelId,
        Name = label.Name,
        Color = label.Color.TrimStart('#'),
        Description = label.Description,
        Exclusive = label.Exclusive,
    };
}
