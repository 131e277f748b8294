using System.Net;
using System.Text.Json;
using Refit;
using Releng.Jobs.Pagure;

namespace Releng.Jobs.DistGit;

/// <summary><see cref="IDistGit"/> over the Pagure API of src.fedoraproject.org.</summary>
public sealed class PagureDistGit(IPagureDistGitApi api, Uri baseAddress) : IDistGit
{
    public const string DeadPackage = "dead.package";

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

    public async Task<string?> GetFileAsync(DistGitRepo repo, string branch, string path, CancellationToken cancellationToken = default)
    {
        DistGitName.Branch(branch);
        var response = await api.GetRawFile(repo.Namespace, repo.Name, branch, CheckPath(path), cancellationToken)
            .ConfigureAwait(false);
        // The raw view answers 404 (an HTML page, not Pagure's JSON error) for a missing project, branch or file.
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
        return Ensure(response) ?? "";
    }

    public Task<string?> GetRetirementReasonAsync(DistGitRepo repo, string branch, CancellationToken cancellationToken = default) =>
        GetFileAsync(repo, branch, DeadPackage, cancellationToken);

    public async Task CreateProjectAsync(NewDistGitProject project, CancellationToken cancellationToken = default)
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
        Ensure(await api.CreateProject(form, cancellationToken).ConfigureAwait(false));
    }

    public async Task CreateBranchAsync(DistGitRepo repo, string branch, BranchOrigin origin, CancellationToken cancellationToken = default)
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
        Ensure(await api.CreateBranch(repo.Namespace, repo.Name, form, cancellationToken).ConfigureAwait(false));
    }

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
