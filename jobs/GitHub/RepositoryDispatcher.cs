using Octokit;

namespace Releng.Jobs.GitHub;

/// <summary>
/// <c>POST /repos/{owner}/{repo}/dispatches</c> with <c>{event_type, client_payload: {ticket_url}}</c>; the workflows
/// listen for the job's event type. GitHub answers 204. Octokit has no typed call for it, so the request goes through
/// the client's connection (same token, base URL and HTTP pipeline).
/// </summary>
public sealed class RepositoryDispatcher(IGitHubClient client, GitHubRepository repository) : IRepositoryDispatcher
{
    public async Task SendAsync(RepositoryDispatch dispatch, CancellationToken cancellationToken = default)
    {
        var body = new Dictionary<string, object>
        {
            ["event_type"] = dispatch.EventType,
            ["client_payload"] = new Dictionary<string, string> { [RepositoryDispatchMapper.PayloadKey] = dispatch.TicketUrl },
        };
        var path = new Uri($"repos/{repository.Owner}/{repository.Name}/dispatches", UriKind.Relative);
        try
        {
            await client.Connection.Post(path, body, "application/vnd.github+json", cancellationToken);
        }
        catch (NotFoundException e)
        {
            throw new GitHubException($"{repository} does not exist or the token (GITHUB_TOKEN) cannot see it", e);
        }
        catch (ForbiddenException e)
        {
            throw new GitHubException($"the token may not send repository_dispatch to {repository}: it needs 'contents: write' ({e.Message})", e);
        }
        catch (AuthorizationException e)
        {
            throw new GitHubException($"GitHub did not accept the token (GITHUB_TOKEN) for {repository}: {e.Message}", e);
        }
        catch (ApiException e)
        {
            throw new GitHubException($"GitHub refused the repository_dispatch '{dispatch.EventType}' to {repository}: {e.Message}", e);
        }
    }
}
