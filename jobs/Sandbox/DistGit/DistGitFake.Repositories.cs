using Releng.Jobs.DistGit;
using WireMock;

namespace Releng.Jobs.Sandbox.DistGit;

/// <summary>What is read from and written to the bare repositories with git: branches and raw files.</summary>
public sealed partial class DistGitFake
{
    private ResponseMessage RawFile(IRequestMessage request)
    {
        var segments = Segments(request);
        var (ns, name, branch) = (segments[0], segments[1], segments[3]);
        var file = string.Join('/', segments.Skip(5));
        if (!DistGitName.IsBranch(branch) || segments.Skip(5).Any(s => s is "" or "." or "..") || !ProjectExists(ns, name))
        {
            return NotFoundPage();
        }
        var path = DistGit.RepositoryPath(ns, name);
        var content = InRepository(path, () => new BareRepository(path).ReadFile(branch, file));
        return content is null ? NotFoundPage() : TextResponse(200, content, "text/plain; charset=utf-8");
    }

    private ResponseMessage ListBranches(IRequestMessage request)
    {
        var (ns, name) = ProjectOf(request, 2);
        if (!ProjectExists(ns, name))
        {
            return NoProject();
        }
        var path = DistGit.RepositoryPath(ns, name);
        var (branches, defaultBranch) = InRepository(path, () =>
        {
            var bare = new BareRepository(path);
            var all = bare.Branches();
            return (all, bare.DefaultBranch(all));
        });
        var withCommits = IsTrue(Query(request, "with_commits"));
        var body = new SortedDictionary<string, object?> { ["total_branches"] = branches.Count };
        if (withCommits)
        {
            body["branches"] = new SortedDictionary<string, string>(branches.ToDictionary(b => b.Name, b => b.Head), StringComparer.Ordinal);
            body["default"] = defaultBranch is null
                ? new SortedDictionary<string, string>()
                : new SortedDictionary<string, string> { [defaultBranch] = branches.First(b => b.Name == defaultBranch).Head };
        }
        else
        {
            body["branches"] = branches.Select(b => b.Name).ToList();
            body["default"] = defaultBranch;
        }
        return JsonResponse(200, body);
    }

    private ResponseMessage CreateBranch(IRequestMessage request)
    {
        var (ns, name) = ProjectOf(request, 2);
        if (!ProjectExists(ns, name))
        {
            return NoProject();
        }
        var path = DistGit.RepositoryPath(ns, name);
        return InRepository(path, () => CreateBranch(request, new BareRepository(path)));
    }

    private ResponseMessage CreateBranch(IRequestMessage request, BareRepository bare)
    {
        var form = Form(request);
        var branch = form.GetValueOrDefault("branch");
        var fromBranch = form.GetValueOrDefault("from_branch") is { Length: > 0 } fb ? fb : null;
        var fromCommit = form.GetValueOrDefault("from_commit") is { Length: > 0 } fc ? fc : null;
        if ((fromBranch is not null && fromCommit is not null) || string.IsNullOrEmpty(branch))
        {
            return Error(400, "EINVALIDREQ", "Invalid or incomplete input submitted");
        }
        string start;
        if (fromCommit is null)
        {
            fromBranch ??= "master";
            if (bare.Head(fromBranch) is not { } head)
            {
                return Error(400, "ENOCODE", $"The \"{fromBranch}\" branch does not exist");
            }
            start = head;
        }
        else
        {
            if (!DistGitName.IsCommit(fromCommit) || !bare.HasCommit(fromCommit))
            {
                return Error(400, "ENOCODE", $"The commit \"{fromCommit}\" does not exist");
            }
            start = bare.ResolveCommit(fromCommit);
        }
        if (bare.Head(branch) is not null)
        {
            return Error(400, "ENOCODE", $"The branch \"{branch}\" already exists");
        }
        if (!DistGitName.IsBranch(branch))
        {
            return Error(400, "EGITERROR", "An error occurred during a git operation");
        }
        bare.CreateBranch(branch, start);
        return JsonResponse(200, new SortedDictionary<string, object?> { ["message"] = "Project branch was created" });
    }
}
