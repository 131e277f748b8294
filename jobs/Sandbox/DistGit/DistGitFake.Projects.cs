using Releng.Jobs.DistGit;
using WireMock;

namespace Releng.Jobs.Sandbox.DistGit;

/// <summary>Projects: viewing, creating (with their repository) and modifying them, and their JSON.</summary>
public sealed partial class DistGitFake
{
    private ResponseMessage ViewProject(IRequestMessage request)
    {
        var (ns, name) = ProjectOf(request, 2);
        var project = DistGit.Find(ns, name);
        return project is null ? NoProject() : JsonResponse(200, ProjectJson(project, BaseUrl(request), withEmails: false));
    }

    private ResponseMessage CreateProject(IRequestMessage request)
    {
        var form = Form(request);
        var name = form.GetValueOrDefault("name")?.Trim() ?? "";
        var description = form.GetValueOrDefault("description") ?? "";
        var ns = form.GetValueOrDefault("namespace")?.Trim() ?? "";
        var errors = new SortedDictionary<string, object>();
        if (name.Length == 0)
        {
            errors["name"] = new[] { "This field is required." };
        }
        else if (!DistGitName.IsRepository(name))
        {
            errors["name"] = new[] { "Invalid input." };
        }
        if (description.Length == 0)
        {
            errors["description"] = new[] { "This field is required." };
        }
        if (!DistGitName.IsNamespace(ns))
        {
            errors["namespace"] = new[] { "Not a valid choice." };
        }
        var defaultBranch = form.GetValueOrDefault("default_branch") is { Length: > 0 } b ? b : "rawhide";
        if (!DistGitName.IsBranch(defaultBranch))
        {
            errors["default_branch"] = new[] { "Invalid input." };
        }
        if (errors.Count > 0)
        {
            return Error(400, "EINVALIDREQ", "Invalid or incomplete input submitted", errors);
        }
        var fullName = $"{ns}/{name}";
        var path = DistGit.RepositoryPath(ns, name);
        return InRepository(path, () =>
        {
            // Pagure's new_project: a known project is refused before the disk is looked at, with these words.
            if (ProjectExists(ns, name))
            {
                return Error(400, "ENOCODE", $"It is not possible to create the repo \"{fullName}\"");
            }
            if (Directory.Exists(path))
            {
                return Error(400, "ENOCODE", $"The project repo \"{fullName}\" already exists");
            }
            var bare = BareRepository.Init(path, defaultBranch);
            if (IsTrue(form.GetValueOrDefault("create_readme")))
            {
                DistGitSeeder.CreateReadme(bare, name, description, defaultBranch, DistGitWorld.TokenUser, world.Clock);
            }
            Locked(() => AddProject(form, ns, name, description));
            var wait = !form.TryGetValue("wait", out var waitValue) || IsTrue(waitValue);
            return JsonResponse(200, wait
                ? new SortedDictionary<string, object?> { ["message"] = $"Project \"{fullName}\" created" }
                : new SortedDictionary<string, object?> { ["message"] = "Project creation queued", ["taskid"] = Guid.NewGuid().ToString() });
        });
    }

    private DistGitProjectState AddProject(Dictionary<string, string> form, string ns, string name, string description)
    {
        var now = DistGitSeeder.Timestamp(world.Clock);
        return DistGit.Projects[$"{ns}/{name}"] = new DistGitProjectState
        {
            Id = DistGit.NextProjectId++,
            Namespace = ns,
            Name = name,
            Description = description,
            Url = form.GetValueOrDefault("url") is { Length: > 0 } url ? url : null,
            Owner = DistGitWorld.TokenUser,
            DateCreated = now,
            DateModified = now,
        };
    }

    private ResponseMessage ModifyProject(IRequestMessage request)
    {
        var (ns, name) = ProjectOf(request, 2);
        var project = DistGit.Find(ns, name);
        if (project is null)
        {
            return NoProject();
        }
        var args = Form(request);
        if (args.Count == 0 || args.Keys.Any(k => k is not ("main_admin" or "retain_access")))
        {
            return Error(400, "EINVALIDREQ", "Invalid or incomplete input submitted");
        }
        if (args.TryGetValue("main_admin", out var user))
        {
            if (!DistGit.Users.Contains(user, StringComparer.Ordinal))
            {
                return Error(400, "ENOUSER", "No such user found");
            }
            // The new main admin leaves the other access lists; the old one keeps nothing unless asked to.
            project.Admins.Remove(user);
            project.Committers.Remove(user);
            project.Collaborators.Remove(user);
            if (IsTrue(args.GetValueOrDefault("retain_access")) && project.Owner != user && !project.Admins.Contains(project.Owner))
            {
                project.Admins.Add(project.Owner);
            }
            project.Owner = user;
            project.DateModified = DistGitSeeder.Timestamp(world.Clock);
        }
        return JsonResponse(200, ProjectJson(project, BaseUrl(request), withEmails: true));
    }

    private SortedDictionary<string, object?> ProjectJson(DistGitProjectState project, string baseUrl, bool withEmails) => new()
    {
        ["access_groups"] = new SortedDictionary<string, object?>
        {
            ["admin"] = project.AdminGroups.ToList(),
            ["collaborator"] = project.CollaboratorGroups.Keys.ToList(),
            ["commit"] = project.CommitGroups.ToList(),
            ["ticket"] = new List<string>(),
        },
        ["access_users"] = new SortedDictionary<string, object?>
        {
            ["admin"] = project.Admins.ToList(),
            ["collaborator"] = project.Collaborators.Keys.ToList(),
            ["commit"] = project.Committers.ToList(),
            ["owner"] = new List<string> { project.Owner },
            ["ticket"] = new List<string>(),
        },
        ["close_status"] = new List<string>(),
        ["custom_keys"] = new List<object>(),
        ["date_created"] = project.DateCreated,
        ["date_modified"] = project.DateModified,
        ["description"] = project.Description,
        ["full_url"] = baseUrl + project.FullName,
        ["fullname"] = project.FullName,
        ["id"] = project.Id,
        ["milestones"] = new SortedDictionary<string, object?>(),
        ["name"] = project.Name,
        ["namespace"] = project.Namespace,
        ["parent"] = null,
        ["priorities"] = new SortedDictionary<string, object?>(),
        ["tags"] = new List<string>(),
        ["url_path"] = project.FullName,
        ["user"] = UserJson(project.Owner, baseUrl, withEmails),
    };
}
