using System.Text.RegularExpressions;
using Octokit;
using Releng.Jobs.Configuration;

namespace Releng.Jobs.GitHub;

/// <summary>
/// Starts a job's workflow (<c>.github/workflows/&lt;job&gt;.yml</c>) through <c>workflow_dispatch</c>, the API twin of
/// the "Run workflow" button. GitHub answers 204 without a run id; <see cref="RunHistory"/> shows the run once it
/// exists.
/// </summary>
public sealed partial class WorkflowDispatcher(IGitHubClient client)
{
    public const string DefaultRef = "main";

    /// <summary>Dispatches <paramref name="job"/>'s workflow on <paramref name="gitRef"/>.</summary>
    /// <param name="apply">The <c>apply</c> input: act on the plan, not only plan.</param>
    /// <param name="ticket">The <c>ticket</c> input (a ticket number), sent only when given.</param>
    /// <param name="force">The <c>force</c> input, sent only when true: a workflow that does not declare it rejects it.</param>
    public async Task<WorkflowDispatch> DispatchAsync(
        GitHubRepository repository,
        string job,
        bool apply,
        string? ticket = null,
        bool force = false,
        string gitRef = DefaultRef,
        CancellationToken cancellationToken = default)
    {
        if (!JobName.IsValid(job))
        {
            throw ConfigurationException.CommandLine("--job", $"'{job}' is not a job name (lower-case letters, digits and dashes)");
        }
        if (ticket is not null && !TicketPattern().IsMatch(ticket))
        {
            throw ConfigurationException.CommandLine("--ticket", $"'{ticket}' is not a ticket number");
        }
        var inputs = new SortedDictionary<string, string>(StringComparer.Ordinal) { ["apply"] = apply ? "true" : "false" };
        if (ticket is not null)
        {
            inputs["ticket"] = ticket;
        }
        if (force)
        {
            inputs["force"] = "true";
        }
        var workflow = $"{job}.yml";
        var request = new CreateWorkflowDispatch(gitRef) { Inputs = inputs.ToDictionary(kv => kv.Key, kv => (object)kv.Value) };
        try
        {
            await client.Actions.Workflows.CreateDispatch(repository.Owner, repository.Name, workflow, request).WaitAsync(cancellationToken);
        }
        catch (NotFoundException e)
        {
            throw new GitHubException($"{repository} has no workflow {workflow} (or the token cannot see it); run ./build.sh --target=workflows and commit the result to the default branch", e);
        }
        catch (ApiValidationException e)
        {
            throw new GitHubException($"GitHub refused to dispatch {workflow} on '{gitRef}': {e.Message} (the ref must exist and every input must be declared by the workflow)", e);
        }
        catch (ForbiddenException e)
        {
            throw new GitHubException($"the token may not dispatch {workflow} in {repository}: it needs 'actions: write' ({e.Message})", e);
        }
        catch (AuthorizationException e)
        {
            throw new GitHubException($"GitHub did not accept the token (GITHUB_TOKEN) for {repository}: {e.Message}", e);
        }
        return new WorkflowDispatch(repository, workflow, gitRef, inputs, repository.WorkflowPage(client.Connection.BaseAddress, workflow));
    }

    [GeneratedRegex("^[1-9][0-9]{0,9}$")]
    private static partial Regex TicketPattern();
}
