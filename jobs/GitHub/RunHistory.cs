using System.Globalization;
using System.Text;
using Octokit;
using Releng.Jobs.Configuration;

namespace Releng.Jobs.GitHub;

/// <summary>
/// Recent runs of a job's workflow, newest first. A dropped schedule tick leaves no run at all, so gaps between
/// <c>schedule</c> runs are how missed windows show.
/// </summary>
public sealed class RunHistory(IGitHubClient client)
{
    /// <summary>GitHub's largest page; one request answers the question.</summary>
    public const int MaxCount = 100;

    /// <param name="eventName">Only runs of this trigger (<c>schedule</c>, <c>workflow_dispatch</c>, <c>repository_dispatch</c>); null for all.</param>
    public async Task<IReadOnlyList<WorkflowRunSummary>> ListAsync(
        GitHubRepository repository,
        string job,
        int count = 20,
        string? eventName = null,
        CancellationToken cancellationToken = default)
    {
        if (!JobName.IsValid(job))
        {
            throw ConfigurationException.CommandLine("--job", $"'{job}' is not a job name (lower-case letters, digits and dashes)");
        }
        var workflow = $"{job}.yml";
        var request = new WorkflowRunsRequest { Event = eventName };
        var page = new ApiOptions { PageSize = Math.Clamp(count, 1, MaxCount), PageCount = 1, StartPage = 1 };
        WorkflowRunsResponse response;
        try
        {
            response = await client.Actions.Workflows.Runs.ListByWorkflow(repository.Owner, repository.Name, workflow, request, page)
                .WaitAsync(cancellationToken);
        }
        catch (NotFoundException e)
        {
            throw new GitHubException($"{repository} has no workflow {workflow} (or the token cannot see it)", e);
        }
        return response.WorkflowRuns
            .OrderByDescending(run => run.CreatedAt)
            .Take(count)
            .Select(run => new WorkflowRunSummary(
                run.Id,
                run.RunNumber,
                run.Event,
                run.Status.StringValue,
                run.Conclusion?.StringValue,
                run.TriggeringActor?.Login ?? run.Actor?.Login ?? "",
                run.CreatedAt,
                run.HtmlUrl,
                run.DisplayTitle ?? run.Name ?? ""))
            .ToList();
    }

    /// <summary>A plain-text table, one run per line, for the terminal and the step summary's code block.</summary>
    public static string Format(IReadOnlyList<WorkflowRunSummary> runs)
    {
        if (runs.Count == 0)
        {
            return "No runs.";
        }
        var rows = runs.Select(run => new[]
        {
            $"#{run.RunNumber}",
            run.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm'Z'", CultureInfo.InvariantCulture),
            run.Event,
            run.Conclusion ?? run.Status,
            run.Actor,
            run.HtmlUrl,
        }).Prepend(["run", "created", "event", "result", "actor", "link"]).ToList();
        var widths = Enumerable.Range(0, 6).Select(column => rows.Max(row => row[column].Length)).ToArray();
        var text = new StringBuilder();
        foreach (var row in rows)
        {
            text.AppendJoin("  ", row.Select((cell, column) => column == row.Length - 1 ? cell : cell.PadRight(widths[column]))).Append('\n');
        }
        return text.ToString();
    }
}
