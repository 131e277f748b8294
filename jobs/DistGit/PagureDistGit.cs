using System.Net;
using System.Text.Json;
using Refit;
using Releng.Jobs.Pagure;

namespace Releng.Jobs.DistGit;

/// <summary><see cref="IDistGit"/> over the Pagure API of src.fedoraproject.org.</summary>
public sealed class PagureDistGit(IPagureDistGitApi api, Uri baseAddress) : IDistGit
{
    public const string DeadPackage = "dead.package";
    public const string NewProjectPath = "/api/0/new";

    public async Task<DistGitProject?> GetProjectAsync(DistGitRepo repo, CancellationToken cancellationToken = default)
    {
        var response = await api.GetProject(repo.Namespace, repo.Name, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
        return ToProject(repo, Ensure(response));
    }

    public async Task<DistGitBranches?> GetBranchesAsync(DistGitRepo repo, CancellationToken cancellationToken = default)
    {
        var response = await api.GetBranches(repo.Namespace, repo.Name, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
        var json = Ensure(response);
        var branches = json.Branches.ValueKind switch
        {
            JsonValueKind.Object => json.Branches.EnumerateObject()
                .Select(p => new DistGitBranch(p.Name, p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString() : null)),
            JsonValueKind.Array => json.Branches.EnumerateArray().Select(b => new DistGitBranch(b.GetString() ?? "", null)),
            _ => [],
        };
        var defaultBranch = json.Default.ValueKind switch
        {
            JsonValueKind.Object => json.Default.EnumerateObject().Select(p => p.Name).FirstOrDefault(),
            JsonValueKind.String => json.Default.GetString(),
            _ => null,
        };
        return new DistGitBranches(branches.ToList(), defaultBranch);
    }

    public Task<string?> GetFileAsync(DistGitRepo repo, string branch, string path, CancellationToken cancellationToken = default) =>
        GetRawFileAsync(repo, DistGitName.Branch(branch), path, cancellationToken);

    public async Task<DistGitCommit?> GetCommitAsync(DistGitRepo repo, string commit, string watchedFile, CancellationToken cancellationToken = default)
    {
        using var response = await api.GetCommitPatch(repo.Namespace, repo.Name, DistGitName.Commit(commit), cancellationToken).ConfigureAwait(false);
        // An unknown commit, a missing project: Pagure's 404 page. No answer here; git can still look.
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
        if (await PagureErrors.FromResponseAsync(response).ConfigureAwait(false) is { } error)
        {
            throw error;
        }
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        using var reader = new StreamReader(body, System.Text.Encoding.UTF8);
        return await CommitPatchReader.ReadAsync(reader, CheckPath(watchedFile), cancellationToken).ConfigureAwait(false);
    }

    /// <summary><paramref name="identifier"/>: a branch name or a commit hash, already validated.</summary>
    private async Task<string?> GetRawFileAsync(DistGitRepo repo, string identifier, string path, CancellationToken cancellationToken)
    {
        var response = await api.GetRawFile(repo.Namespace, repo.Name, identifier, CheckPath(path), cancellationToken)
            .ConfigureAwait(false);
        // The raw view answers 404 (an HTML page, not Pagure's JSON error) for a missing project, branch, commit or file.
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
        return Ensure(response) ?? "";
    }

    public Task<string?> GetRetirementReasonAsync(DistGitRepo repo, string branch, CancellationToken cancellationToken = default) =>
        GetFileAsync(repo, branch, DeadPackage, cancellationToken);

    public async Task<bool> CreateProjectAsync(NewDistGitProject project, CancellationToken cancellationToken = default)
    {
        var form = new Dictionary<string, string>
        {
            ["namespace"] = project.Repo.Namespace,
            ["name"] = project.Repo.Name,
            ["description"] = project.Description,
            ["default_branch"] = DistGitName.Branch(project.DefaultBranch),
            ["wait"] = "true",
        };
        if (!string.IsNullOrEmpty(project.UpstreamUrl))
        {
            form["url"] = project.UpstreamUrl;
        }
        if (project.CreateReadme)
        {
            form["create_readme"] = "true";
        }
        return await WriteOrFindAsync(
            async () => Ensure(await api.CreateProject(form, cancellationToken).ConfigureAwait(false)),
            async () => await GetProjectAsync(project.Repo, cancellationToken).ConfigureAwait(false) is not null,
            cancellationToken).ConfigureAwait(false);
    }

    public async Task<bool> CreateBranchAsync(DistGitRepo repo, string branch, BranchOrigin origin, CancellationToken cancellationToken = default)
    {
        var form = new Dictionary<string, string> { ["branch"] = DistGitName.Branch(branch) };
        if (origin.Branch is not null)
        {
            form["from_branch"] = origin.Branch;
        }
        else
        {
            form["from_commit"] = origin.Commit!;
        }
        return await WriteOrFindAsync(
            async () => Ensure(await api.CreateBranch(repo.Namespace, repo.Name, form, cancellationToken).ConfigureAwait(false)),
            async () => (await GetBranchesAsync(repo, cancellationToken).ConfigureAwait(false))?.Contains(branch) == true,
            cancellationToken).ConfigureAwait(false);
    }

    public async Task<string> WhoAmIAsync(CancellationToken cancellationToken = default) =>
        Ensure(await api.WhoAmI(cancellationToken).ConfigureAwait(false)).Username;

    public async Task<DistGitProject> SetMainAdminAsync(DistGitRepo repo, string user, CancellationToken cancellationToken = default)
    {
        var response = await api.ModifyProject(
            repo.Namespace, repo.Name, new PagureMainAdminJson(DistGitName.User(user)), cancellationToken).ConfigureAwait(false);
        return ToProject(repo, Ensure(response));
    }

    public async Task<bool> UserExistsAsync(string user, CancellationToken cancellationToken = default)
    {
        var response = await api.SearchUsers(DistGitName.User(user), cancellationToken).ConfigureAwait(false);
        return Ensure(response).Users?.Contains(user, StringComparer.Ordinal) == true;
    }

    public Uri ProjectUrl(DistGitRepo repo) => new(baseAddress, $"{repo.Namespace}/{repo.Name}");

    /// <summary>
    /// Runs a create. When it fails in any way but the caller's cancellation (refused because the thing exists, a lost
    /// answer, a timeout while the server kept working), reads again: if what was wanted is there now, another run or
    /// the server itself finished it, and that is success (false: this call did not make it). Otherwise the failure stands.
    /// </summary>
    private static async Task<bool> WriteOrFindAsync(Func<Task> write, Func<Task<bool>> exists, CancellationToken cancellationToken)
    {
        try
        {
            await write().ConfigureAwait(false);
            return true;
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            bool found;
            try
            {
                found = await exists().ConfigureAwait(false);
            }
            catch (Exception) when (!cancellationToken.IsCancellationRequested)
            {
                found = false; // the re-check failed too: report the write's own error
            }
            if (found)
            {
                return false;
            }
            throw;
        }
    }

    private static string CheckPath(string path)
    {
        var segments = path.Split('/');
        if (segments.Any(s => s.Length == 0 || s == "." || s == ".." || s.Any(c => char.IsControl(c) || c is '?' or '#' or '%' or '\\')))
        {
            throw new DistGitNameException("file path", path, "expected a relative path without '.', '..' or empty segments");
        }
        return path;
    }

    private static DistGitProject ToProject(DistGitRepo repo, PagureProjectJson json)
    {
        var users = ToAccess(json.AccessUsers);
        return new DistGitProject(
            repo, json.Description ?? "", json.FullUrl ?? "", users.Owner.FirstOrDefault() ?? "", users,
            ToAccess(json.AccessGroups), json.DateCreated, json.DateModified);
    }

    private static DistGitAccess ToAccess(PagureAccessJson? json) => json is null
        ? DistGitAccess.Empty
        : new DistGitAccess(json.Owner ?? [], json.Admin ?? [], json.Commit ?? [], json.Collaborator ?? [], json.Ticket ?? []);

    private static T Ensure<T>(IApiResponse<T> response)
    {
        if (response.IsSuccessStatusCode && response.Error is null)
        {
            return response.Content!;
        }
        throw PagureErrors.FromApiResponse(response);
    }
}
