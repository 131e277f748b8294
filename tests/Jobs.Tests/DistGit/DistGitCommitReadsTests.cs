using System.Net;
using System.Text.Json;
using Releng.Jobs.DistGit;

namespace Releng.Jobs.Tests.DistGit;

/// <summary>
/// The reads of commits and files at commits that dist-git answers without git, as Pagure's source defines them
/// (pagure/api/project.py <c>api_commit_info</c>, pagure/ui/repo.py <c>view_raw_file</c> and <c>view_commit_patch</c>,
/// pagure/lib/git.py <c>commit_to_patch</c>): the fake answers exactly so, and the client reads those answers.
/// </summary>
public sealed class DistGitCommitReadsTests
{
    private static async Task<(HttpStatusCode Status, string ContentType, string Body)> GetAsync(Tests.Sandbox.TestSandbox sandbox, string path)
    {
        using var http = new HttpClient { BaseAddress = sandbox.Endpoints.DistGit };
        using var response = await http.GetAsync(path);
        return (response.StatusCode, response.Content.Headers.ContentType?.MediaType ?? "", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Commit_info_is_the_unwrapped_object_of_names_committer_time_message_parents_and_tree()
    {
        await using var sandbox = DistGitStories.Start();
        var head = sandbox.Head(DistGitStories.Pyte, "rawhide");
        var expected = sandbox.Bare(DistGitStories.Pyte, "log", "-1", "--format=%an%x00%cn%x00%ct%x00%P%x00%T", head).Split('\0');
        var message = sandbox.Bare(DistGitStories.Pyte, "cat-file", "commit", head).Split("\n\n", 2)[1];

        var (status, type, body) = await GetAsync(sandbox, $"/api/0/rpms/python-pyte/c/{head}/info");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("application/json", type);
        using var json = JsonDocument.Parse(body);
        var root = json.RootElement;
        Assert.Equal(
            ["author", "commit_time", "commit_time_offset", "committer", "hash", "message", "parent_ids", "tree_id"],
            root.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal(head, root.GetProperty("hash").GetString());
        Assert.Equal(expected[0], root.GetProperty("author").GetString());
        Assert.DoesNotContain("@", root.GetProperty("author").GetString());
        Assert.Equal(expected[1], root.GetProperty("committer").GetString());
        Assert.Equal(long.Parse(expected[2], System.Globalization.CultureInfo.InvariantCulture), root.GetProperty("commit_time").GetInt64());
        Assert.Equal(JsonValueKind.Number, root.GetProperty("commit_time_offset").ValueKind);
        Assert.Equal(0, root.GetProperty("commit_time_offset").GetInt32());
        Assert.Equal(message.TrimEnd('\n'), root.GetProperty("message").GetString()!.TrimEnd('\n'));
        Assert.Equal([expected[3]], root.GetProperty("parent_ids").EnumerateArray().Select(p => p.GetString()));
        Assert.Equal(expected[4], root.GetProperty("tree_id").GetString());
    }

    [Theory]
    [InlineData("0123456789abcdef0123456789abcdef01234567")] // no such commit
    [InlineData("rawhide")] // a branch name is not a hash
    [InlineData("not-hex")]
    public async Task Commit_info_of_anything_but_a_commit_of_the_repository_is_404_ENOCOMMIT(string id)
    {
        await using var sandbox = DistGitStories.Start();

        var (status, _, body) = await GetAsync(sandbox, $"/api/0/rpms/python-pyte/c/{id}/info");

        Assert.Equal(HttpStatusCode.NotFound, status);
        using var json = JsonDocument.Parse(body);
        Assert.Equal("ENOCOMMIT", json.RootElement.GetProperty("error_code").GetString());
        Assert.Equal("No such commit found in this repository", json.RootElement.GetProperty("error").GetString());
    }

    [Fact]
    public async Task Commit_info_of_a_tree_is_404_ENOCOMMIT_and_of_a_missing_project_ENOPROJECT()
    {
        await using var sandbox = DistGitStories.Start();
        var tree = sandbox.Bare(DistGitStories.Pyte, "rev-parse", "refs/heads/rawhide^{tree}");

        var (treeStatus, _, treeBody) = await GetAsync(sandbox, $"/api/0/rpms/python-pyte/c/{tree}/info");
        var (projectStatus, _, projectBody) = await GetAsync(sandbox, $"/api/0/rpms/nothing-here/c/{tree}/info");

        Assert.Equal(HttpStatusCode.NotFound, treeStatus);
        Assert.Contains("\"ENOCOMMIT\"", treeBody);
        Assert.Equal(HttpStatusCode.NotFound, projectStatus);
        Assert.Contains("\"ENOPROJECT\"", projectBody);
    }

    [Fact]
    public async Task Raw_file_takes_a_commit_hash_as_well_as_a_branch_and_a_missing_file_is_a_404_page()
    {
        await using var sandbox = DistGitStories.Start();
        var head = sandbox.Head(DistGitStories.Pyte, "rawhide");
        var parent = sandbox.Bare(DistGitStories.Pyte, "rev-parse", $"{head}^");

        var atHead = await GetAsync(sandbox, $"/rpms/python-pyte/raw/{head}/f/dead.package");
        var atShortHead = await GetAsync(sandbox, $"/rpms/python-pyte/raw/{head[..10]}/f/dead.package");
        var atBranch = await GetAsync(sandbox, "/rpms/python-pyte/raw/rawhide/f/dead.package");
        var atParent = await GetAsync(sandbox, $"/rpms/python-pyte/raw/{parent}/f/dead.package");
        var unknown = await GetAsync(sandbox, "/rpms/python-pyte/raw/0123456789abcdef0123456789abcdef01234567/f/dead.package");

        Assert.Equal((HttpStatusCode.OK, "text/plain"), (atHead.Status, atHead.ContentType));
        Assert.Equal("Orphaned for 6+ weeks", atHead.Body.Trim());
        Assert.Equal(atHead.Body, atShortHead.Body);
        Assert.Equal(atHead.Body, atBranch.Body);
        Assert.Equal((HttpStatusCode.NotFound, "text/html"), (atParent.Status, atParent.ContentType));
        Assert.Equal((HttpStatusCode.NotFound, "text/html"), (unknown.Status, unknown.ContentType));
    }

    [Fact]
    public async Task Commit_patch_is_a_mail_header_the_message_and_the_diff_against_the_first_parent_as_git_prints_it()
    {
        await using var sandbox = DistGitStories.Start();
        var head = sandbox.Head(DistGitStories.Pyte, "rawhide");
        var parent = sandbox.Bare(DistGitStories.Pyte, "rev-parse", $"{head}^");
        var author = sandbox.Bare(DistGitStories.Pyte, "log", "-1", "--format=%an <%ae>", head).TrimEnd('\n');
        var subject = sandbox.Bare(DistGitStories.Pyte, "log", "-1", "--format=%s", head).TrimEnd('\n');
        var diff = sandbox.Bare(DistGitStories.Pyte, "-c", "core.abbrev=7", "diff", "--no-color", "--no-renames", parent, head);

        var (status, type, body) = await GetAsync(sandbox, $"/rpms/python-pyte/c/{head}.patch");

        Assert.Equal((HttpStatusCode.OK, "text/plain"), (status, type));
        var date = sandbox.World.Clock.AddDays(-21).UtcDateTime.ToString("MMM dd yyyy HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
        Assert.StartsWith(
            $"From {head} Mon Sep 17 00:00:00 2001\nFrom: {author}\nDate: {date} +0000\nSubject: {subject}\n\n",
            body);
        Assert.Contains("\n---\n\ndiff --git a/dead.package b/dead.package\nnew file mode 100644\n", body);
        // git's own diff of the same commits; the patch ends with one more newline than the diff.
        Assert.Equal(diff.TrimEnd('\n') + "\n\n", body[(body.IndexOf("\n---\n\n", StringComparison.Ordinal) + 6)..]);
    }

    [Theory]
    [InlineData("0123456789abcdef0123456789abcdef01234567")] // no such commit
    [InlineData("rawhide")] // a branch name is not a hash
    public async Task Commit_patch_of_an_unknown_commit_or_a_missing_project_is_a_404_page(string id)
    {
        await using var sandbox = DistGitStories.Start();
        var head = sandbox.Head(DistGitStories.Pyte, "rawhide");

        var unknown = await GetAsync(sandbox, $"/rpms/python-pyte/c/{id}.patch");
        var noProject = await GetAsync(sandbox, $"/rpms/nothing-here/c/{head}.patch");

        Assert.Equal((HttpStatusCode.NotFound, "text/html"), (unknown.Status, unknown.ContentType));
        Assert.Equal((HttpStatusCode.NotFound, "text/html"), (noProject.Status, noProject.ContentType));
    }

    [Fact]
    public async Task Commit_patch_of_a_tree_fails_on_the_server_as_Pagure_does_reading_its_parents()
    {
        await using var sandbox = DistGitStories.Start();
        var tree = sandbox.Bare(DistGitStories.Pyte, "rev-parse", "refs/heads/rawhide^{tree}");

        var (status, _, _) = await GetAsync(sandbox, $"/rpms/python-pyte/c/{tree}.patch");

        Assert.Equal(HttpStatusCode.InternalServerError, status);
    }

    [Fact]
    public async Task Client_reads_the_retiring_head_with_its_author_committer_time_message_and_the_added_dead_package()
    {
        await using var sandbox = DistGitStories.Start();
        var head = sandbox.Head(DistGitStories.Pyte, "rawhide");
        var author = sandbox.Bare(DistGitStories.Pyte, "log", "-1", "--format=%an <%ae>", head).TrimEnd('\n');

        var commit = await sandbox.DistGit.GetCommitAsync(DistGitStories.Pyte, head, "dead.package");

        Assert.NotNull(commit);
        Assert.Equal(head, commit.Hash);
        Assert.Equal(author, commit.Author);
        Assert.Equal(sandbox.World.Clock.AddDays(-21), commit.CommitTime);
        Assert.Equal("Orphaned for 6+ weeks", commit.Message.TrimEnd('\n'));
        Assert.Equal(await sandbox.DistGit.GetRetirementReasonAsync(DistGitStories.Pyte, "rawhide"), commit.AddedFile);
    }

    [Fact]
    public async Task Client_finds_no_added_file_in_a_commit_that_does_not_add_it_and_no_commit_for_an_unknown_hash()
    {
        await using var sandbox = DistGitStories.Start();
        var head = sandbox.Head(DistGitStories.Pyte, "rawhide");
        var parent = sandbox.Bare(DistGitStories.Pyte, "rev-parse", $"{head}^");

        var before = await sandbox.DistGit.GetCommitAsync(DistGitStories.Pyte, parent, "dead.package");
        var unknown = await sandbox.DistGit.GetCommitAsync(DistGitStories.Pyte, "0123456789abcdef0123456789abcdef01234567", "dead.package");

        Assert.NotNull(before);
        Assert.Equal(parent, before.Hash);
        Assert.Null(before.AddedFile);
        Assert.Null(unknown);
        await Assert.ThrowsAsync<DistGitNameException>(() => sandbox.DistGit.GetCommitAsync(DistGitStories.Pyte, "rawhide", "dead.package"));
    }
}
