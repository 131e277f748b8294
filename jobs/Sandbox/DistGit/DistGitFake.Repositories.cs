using Releng.Jobs.DistGit;
using WireMock;

namespace Releng.Jobs.Sandbox.DistGit;

/// <summary>What is read from and written to the bare repositories with git: branches, raw files and commits.</summary>
public sealed partial class DistGitFake
{
    /// <summary>
    /// <c>/{ns}/{repo}/raw/{identifier}/f/{path}</c>: the identifier is a branch name or else a commit id. Like Pagure,
    /// a missing project, identifier or file, and an empty file ("No content found"), are a 404 page.
    /// </summary>
    private ResponseMessage RawFile(IRequestMessage request)
    {
        var segments = Segments(request);
        var (ns, name, identifier) = (segments[0], segments[1], segments[3]);
        var file = string.Join('/', segments.Skip(5));
        // Branch names never read as hashes (BranchName), so an identifier is one or the other.
        if (!(DistGitName.IsBranch(identifier) || DistGitName.IsCommit(identifier.ToLowerInvariant())) || segments.Skip(5).Any(s => s is "" or "." or "..") || !ProjectExists(ns, name))
        {
            return NotFoundPage();
        }
        var path = DistGit.RepositoryPath(ns, name);
        var content = InRepository(path, () => new BareRepository(path).ReadFile(identifier, file));
        return string.IsNullOrEmpty(content) ? NotFoundPage() : TextResponse(200, content, "text/plain; charset=utf-8");
    }

    /// <summary>
    /// <c>/api/0/{ns}/{repo}/c/{hash}/info</c>, answered as pygit2 reads the commit, not wrapped. An id that is not
    /// hexadecimal, names nothing, or names something other than a commit is 404 <c>ENOCOMMIT</c>.
    /// </summary>
    private ResponseMessage CommitInfo(IRequestMessage request)
    {
        var segments = Segments(request);
        var (ns, name, id) = (segments[2], segments[3], segments[5]);
        if (!ProjectExists(ns, name))
        {
            return NoProject();
        }
        var path = DistGit.RepositoryPath(ns, name);
        var commit = InRepository(path, () => new BareRepository(path).CommitInfo(id));
        if (commit is null)
        {
            return Error(404, "ENOCOMMIT", "No such commit found in this repository");
        }
        return JsonResponse(200, new SortedDictionary<string, object?>
        {
            ["author"] = commit.Author,
            ["committer"] = commit.Committer,
            ["commit_time"] = commit.CommitTime,
            ["commit_time_offset"] = commit.CommitTimeOffset,
            ["hash"] = commit.Hash,
            ["message"] = commit.Message,
            ["parent_ids"] = commit.ParentIds,
            ["tree_id"] = commit.TreeId,
        });
    }

    /// <summary>
    /// <c>/{ns}/{repo}/c/{id}.patch</c>, as pagure/lib/git.py <c>commit_to_patch</c> writes it: a mail header with the
    /// committer time in UTC, the message split at its first line, <c>---</c>, then the diff against the first parent;
    /// no text at all when the diff is empty. An id that names nothing is a 404 page; one that names a tree, blob or
    /// tag fails on Pagure's side (500).
    /// </summary>
    private ResponseMessage CommitPatch(IRequestMessage request)
    {
        var segments = Segments(request);
        var (ns, name, id) = (segments[0], segments[1], segments[3][..^".patch".Length]);
        if (!ProjectExists(ns, name))
        {
            return NotFoundPage();
        }
        var path = DistGit.RepositoryPath(ns, name);
        var (found, commit) = InRepository(path, () => new BareRepository(path).CommitPatch(id));
        if (found == CommitPatchLookup.NoSuchObject)
        {
            return NotFoundPage();
        }
        if (commit is null)
        {
            return TextResponse(500, "<!DOCTYPE html>\n<html><head><title>500 Internal Server Error</title></head></html>\n", "text/html; charset=utf-8");
        }
        if (commit.Diff.Length == 0)
        {
            return TextResponse(200, "", "text/plain;charset=UTF-8");
        }
        // Pagure: subject, message = commit.message.split("\n", 1), or the whole message as the subject.
        var (subject, rest) = commit.Message.Split('\n', 2) is [var first, var others] ? (first, others) : (commit.Message, "");
        var date = DateTimeOffset.FromUnixTimeSeconds(commit.CommitTime).UtcDateTime
            .ToString("MMM dd yyyy HH:mm:ss '+0000'", System.Globalization.CultureInfo.InvariantCulture);
        var text = $"From {commit.Hash} Mon Sep 17 00:00:00 2001\nFrom: {commit.AuthorName} <{commit.AuthorEmail}>\nDate: {date}\n" +
            $"Subject: {subject}\n\n{rest}\n---\n\n{commit.Diff}\n";
        return TextResponse(200, text, "text/plain;charset=UTF-8");
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
