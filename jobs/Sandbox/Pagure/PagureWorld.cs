using Releng.Jobs.Sandbox.Scenarios;

namespace Releng.Jobs.Sandbox.Pagure;

/// <summary>The fake Pagure's state: seeded from a scenario, changed by writes, saved with the sandbox world.</summary>
public sealed class PagureWorld
{
    public string Bot { get; set; } = "releng-bot";
    public Dictionary<string, string> Tokens { get; set; } = [];
    /// <summary>Project-scoped tokens: token → project path.</summary>
    public Dictionary<string, string> ProjectTokens { get; set; } = [];
    public Dictionary<string, PagureProjectState> Projects { get; set; } = [];
    /// <summary>Comment ids are shared by all issues, as on a real server.</summary>
    public long LastCommentId { get; set; }
    /// <summary>The time of the last write; each write takes the later of the sandbox clock and this plus a second.</summary>
    public DateTimeOffset LastWriteAt { get; set; }
    /// <summary>Every write request, accepted or refused, in order.</summary>
    public List<PagureWrite> Writes { get; set; } = [];

    /// <summary>The user a token acts as: a token named in the scenario, else the bot.</summary>
    public string UserForToken(string token) => Tokens.TryGetValue(token, out var user) ? user : Bot;

    /// <summary>The project a token is scoped to, or null for a user token.</summary>
    public string? ProjectForToken(string token) => ProjectTokens.GetValueOrDefault(token);

    public static PagureWorld Seed(Scenario scenario, SandboxPaths paths)
    {
        var section = scenario.Pagure;
        var world = new PagureWorld { Bot = section.Bot, Tokens = new(section.Tokens), ProjectTokens = new(section.ProjectTokens), LastWriteAt = scenario.Clock };
        DateTimeOffset Ago(double days) => scenario.Clock - TimeSpan.FromDays(days);
        foreach (var (path, project) in section.Projects)
        {
            var state = new PagureProjectState
            {
                Description = project.Description ?? path,
                Owner = project.Owner,
                Committers = [.. project.Committers],
                CloseStatuses = [.. project.CloseStatuses],
                Milestones = [.. project.Milestones],
                CustomFields = new(project.CustomFields),
                DateCreated = Ago(3650),
            };
            var nextId = 1;
            foreach (var issue in project.Issues)
            {
                var id = issue.Id ?? nextId;
                nextId = id + 1;
                var created = Ago(issue.DaysAgo);
                var comments = issue.Comments
                    .OrderBy(comment => -comment.DaysAgo)
                    .Select(comment => new PagureCommentState
                    {
                        Id = ++world.LastCommentId,
                        Author = comment.Author,
                        Text = comment.Body,
                        DateCreated = Ago(comment.DaysAgo),
                        Notification = comment.Notification,
                    })
                    .ToList();
                var closed = string.Equals(issue.Status, "Closed", StringComparison.OrdinalIgnoreCase) || issue.CloseStatus is not null;
                var updated = issue.UpdatedDaysAgo is { } updatedDaysAgo
                    ? Ago(updatedDaysAgo)
                    : comments.Select(comment => comment.DateCreated).Append(created).Max();
                state.Issues.Add(new PagureIssueState
                {
                    Id = id,
                    Title = issue.Title,
                    Content = issue.Body,
                    Author = issue.Author,
                    Status = closed ? "Closed" : "Open",
                    CloseStatus = issue.CloseStatus,
                    ClosedAt = closed ? updated : null,
                    ClosedBy = closed ? world.Bot : null,
                    Assignee = issue.Assignee,
                    Tags = [.. issue.Tags],
                    Private = issue.Private,
                    Priority = issue.Priority,
                    Milestone = issue.Milestone,
                    CustomFields = new(issue.CustomFields),
                    DateCreated = created,
                    LastUpdated = updated,
                    Comments = comments,
                });
            }
            world.Projects[path] = state;
        }
        _ = paths;
        return world;
    }
}
