using System.Globalization;
using Releng.Jobs.Configuration;
using Releng.Jobs.Trackers;

namespace Releng.Jobs.Workflows;

/// <summary>
/// Writes <c>.forgejo/workflows/&lt;job&gt;.yml</c> for every enabled jobs.yaml entry: the same jobs as
/// <see cref="WorkflowGenerator"/>, as Forgejo Actions runs them, so the jobs can run on the forge that holds the
/// trackers. No <c>ci.yml</c>: the tests run on GitHub.
/// </summary>
/// <remarks>
/// Triggers: the job's <c>schedule</c>, <c>workflow_dispatch</c> with the same inputs, and for a job that lists
/// <c>events</c> and reads a Fedora Forge tracker, <c>issues</c> (opened, edited, reopened) and <c>issue_comment</c>
/// (created), which run the job for that one ticket. What differs from GitHub Actions: <c>runs-on</c> names a runner
/// label, actions are named by full URL, <c>concurrency</c> is best effort, and the automatic token is not used
/// (it reaches only this repository, and what it posts triggers nothing); writes use the FORGE_TOKEN secret.
/// </remarks>
public sealed class ForgejoWorkflowGenerator(TaskCatalog catalog, ForgejoWorkflowOptions? options = null)
{
    public const string Folder = ".forgejo/workflows";

    /// <summary>The events that run a ticket job for one ticket; both carry the ticket as <c>event.issue</c>.</summary>
    public static IReadOnlyList<string> TicketEvents { get; } = ["issues", "issue_comment"];

    private readonly ForgejoWorkflowOptions _options = options ?? ForgejoWorkflowOptions.Default;

    public static string PathOf(string job) => $"{Folder}/{job}.yml";

    public IReadOnlyList<GeneratedWorkflow> Generate(JobsFile file) => file.Jobs
        .Where(j => j.Value.Enabled)
        .OrderBy(j => j.Key, StringComparer.Ordinal)
        .Select(j => GenerateJob(j.Key, j.Value))
        .ToList();

    public GeneratedWorkflow GenerateJob(string name, JobDefinition job)
    {
        var parts = WorkflowJobParts.Resolve(name, job, catalog);
        var tickets = TicketSourceOf(parts);
        var yaml = new YamlText().Comment(WorkflowGenerator.Header);
        if (job.Description is { Length: > 0 } description)
        {
            yaml.Comment(description.ReplaceLineEndings(" "));
        }
        yaml.Comment("Forgejo Actions. No permissions block: Forgejo documents none. The automatic token is left unused;")
            .Comment("the job writes with the FORGE_TOKEN secret (a bot account), since the automatic token reaches only this")
            .Comment("repository and what it posts triggers no workflow.")
            .Plain("name", name)
            .Map("on", on =>
            {
                if (job.Schedule is { } schedule)
                {
                    on.Map("schedule", list => list.Item(item => item.Quoted("cron", schedule.Trim())));
                }
                WorkflowSteps.DispatchTrigger(on, parts.Inputs);
                if (tickets is not null)
                {
                    // List types explicitly: Forgejo matches every action of an event without them.
                    on.Map("issues", issues => issues.Map("types", types => types
                        .PlainItem("opened").PlainItem("edited").PlainItem("reopened")));
                    on.Map("issue_comment", comments => comments.Map("types", types => types.PlainItem("created")));
                }
            })
            .Comment("Forgejo treats concurrency as best effort (it may not hold a second run back). The jobs do not rely on it:")
            .Comment("a run re-reads the tickets and the bot's marked comments, so an overlapping run makes no second write.")
            .Map("concurrency", concurrency => concurrency
                .Plain("group", name)
                .Plain("cancel-in-progress", "false"))
            .Map("jobs", jobs => jobs.Map("run", run =>
            {
                run.Plain("name", name);
                if (tickets is not null)
                {
                    run.Comment("Issue events fire for the issues of the repository holding this workflow, and for pull-request")
                        .Comment($"comments too. The job acts only where its tracker is ({tickets.Repository}): a fork or a copy of")
                        .Comment("these workflows elsewhere plans nothing for foreign tickets. Pull requests and the bot's own")
                        .Comment("comments and edits are skipped; schedules and manual runs always run.")
                        .Quoted("if", TicketCondition(tickets));
                }
                run.Plain("runs-on", _options.RunsOn)
                    .Plain("timeout-minutes", parts.Profile.TimeoutMinutes.ToString(CultureInfo.InvariantCulture))
                    .Map("steps", steps => Steps(steps, parts, tickets is not null));
            }));
        return new GeneratedWorkflow(PathOf(name), yaml.ToString());
    }

    /// <summary>The forge repository whose issues run a job, and the bot whose own events it ignores.</summary>
    public sealed record TicketSource(string Repository, string? Bot);

    /// <summary>
    /// Where a job's ticket events come from: a job listing <c>events</c> whose <c>tracker</c> is on Fedora Forge.
    /// Null for other jobs (schedule and dispatch only).
    /// </summary>
    public static TicketSource? TicketSourceOf(WorkflowJobParts parts)
    {
        if (parts.Job.Events.Count == 0 || parts.Spec.Parameter(TrackerParameter.Name) is null)
        {
            return null;
        }
        var parameters = new JobParameters(parts.Spec, parts.Job.With, parts.Job.ParameterOrigins);
        var written = TrackerParameter.Read(parameters);
        var tracker = TrackerReference.Parse(written);
        if (tracker.Kind != TrackerKind.Forge)
        {
            return null;
        }
        var bot = parts.Spec.Parameter("bot") is null ? null : parameters.TextOrNull("bot");
        if (bot is not null && !bot.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
        {
            // The name is written into the workflow's condition; only an account name may go there.
            throw parameters.Error("bot", $"bot account '{bot}' is not a forge user name (letters, digits, '-', '_', '.')");
        }
        return new TicketSource(tracker.Project, bot);
    }

    private static string TicketCondition(TicketSource tickets)
    {
        var automatic = string.Join(" && ", TicketEvents.Select(e => $"github.event_name != '{e}'"));
        var ticket = $"github.repository == '{tickets.Repository}' && !github.event.issue.pull_request";
        if (tickets.Bot is not null)
        {
            ticket += $" && github.event.sender.login != '{tickets.Bot}'";
        }
        return $"({automatic}) || ({ticket})";
    }

    private void Steps(YamlText steps, WorkflowJobParts parts, bool ticketEvents)
    {
        WorkflowSteps.CheckoutAndDotnetSteps(steps, _options.CheckoutAction, _options.SetupDotnetAction, _options.DotnetVersion);
        WorkflowSteps.CacheSteps(steps, _options.CacheAction);
        if (parts.Profile.InstallsTools)
        {
            WorkflowSteps.InstallToolsStep(steps);
        }
        if (parts.Profile.UsesKerberos)
        {
            WorkflowSteps.InstallKerberosStep(steps);
        }
        var audit = WorkflowGenerator.AuditPathOf(parts.Name);
        steps.Item(step => step
            .Quoted("name", $"Run {parts.Name}")
            .Plain("shell", "bash")
            // The issue's URL (https://<forge>/<owner>/<repo>/issues/<n>) reaches the script only as a variable;
            // --ticket-url checks it names a ticket of this job's tracker.
            .Map("env", env => WorkflowSteps.RunEnvironment(env, parts, ticketEvents ? "${{ github.event.issue.html_url }}" : null))
            .Literal("run", WorkflowSteps.RunScript(parts, _options.Environment, audit,
                ticketEvents ? TicketEvents : [], _options.TicketEventsFollowApply)));
        steps.Item(step => step
            .Quoted("name", "Upload audit")
            .Plain("if", "always()")
            .Plain("uses", _options.UploadArtifactAction)
            .Map("with", with => with
                .Plain("name", $"audit-{parts.Name}")
                .Plain("path", audit)
                .Plain("if-no-files-found", "warn")
                .Plain("retention-days", _options.AuditRetentionDays.ToString(CultureInfo.InvariantCulture))));
    }
}
