using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Releng.Jobs.DistGit;
using Releng.Jobs.Pagure;
using Releng.Jobs.Services;
using Releng.Jobs.Tests.Sandbox;
using WireMock.Logging;

namespace Releng.Jobs.Tests.DistGit;

/// <summary>The dist-git API client against the sandbox fake: the exact requests it sends and how it reads the answers.</summary>
public sealed class PagureDistGitContractTests
{
    private static ILogEntry Only(TestSandbox sandbox, string method, string pathPrefix) =>
        Assert.Single(sandbox.Server(ServiceName.DistGit).LogEntries, e => e.RequestMessage.Method == method && e.RequestMessage.Path.StartsWith(pathPrefix, StringComparison.Ordinal));

    private static string? Authorization(ILogEntry entry) =>
        entry.RequestMessage.Headers?.FirstOrDefault(h => h.Key.Equals("Authorization", StringComparison.OrdinalIgnoreCase)).Value?.FirstOrDefault();

    [Fact]
    public async Task Orphaned_project_reports_orphan_as_owner_with_its_admins_and_collaborators()
    {
        await using var sandbox = DistGitStories.Start();

        var project = await sandbox.DistGit.GetProjectAsync(DistGitStories.Pyte);

        Assert.NotNull(project);
        Assert.True(project.IsOrphaned);
        Assert.Equal(DistGitProject.OrphanOwner, project.Owner);
        Assert.Equal(["jdoe"], project.Users.Admin);
        Assert.Equal(["alice"], project.Users.Collaborator);
        Assert.Equal("A simple VTE-compatible terminal emulator library", project.Description);
        Assert.Equal(sandbox.Endpoints.DistGit + "rpms/python-pyte", project.FullUrl);
        // Pagure's timestamps are epoch seconds as strings; the project is as old as its first commit (900 days).
        var created = DateTimeOffset.FromUnixTimeSeconds((long)decimal.Parse(project.DateCreated!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(sandbox.World.Clock.AddDays(-900), created);
        var request = Only(sandbox, "GET", "/api/0/rpms/python-pyte");
        Assert.Equal("/api/0/rpms/python-pyte", request.RequestMessage.Path);
    }

    [Fact]
    public async Task Missing_project_is_null_after_a_404_ENOPROJECT()
    {
        await using var sandbox = DistGitStories.Start();

        var project = await sandbox.DistGit.GetProjectAsync(DistGitRepo.Parse("rpms/no-such-package"));

        Assert.Null(project);
        var response = Only(sandbox, "GET", "/api/0/rpms/no-such-package").ResponseMessage;
        Assert.Equal(404, response.StatusCode);
        Assert.Equal(File.ReadAllText("Samples/distgit/new_issue_err_noproject.json").Trim(), response.BodyData!.BodyAsString!.Trim());
    }

    [Fact]
    public async Task Branches_come_with_their_head_commits_and_identical_histories_share_a_head()
    {
        await using var sandbox = DistGitStories.Start();

        var branches = await sandbox.DistGit.GetBranchesAsync(DistGitStories.Pyte);

        Assert.NotNull(branches);
        Assert.Equal(["epel9", "f42", "f43", "rawhide"], branches.Names.Order());
        Assert.Equal("rawhide", branches.Default);
        foreach (var branch in branches.Branches)
        {
            Assert.Equal(sandbox.Head(DistGitStories.Pyte, branch.Name), branch.Head);
        }
        Assert.Equal(branches.HeadOf("rawhide"), branches.HeadOf("f43"));
        Assert.NotEqual(branches.HeadOf("rawhide"), branches.HeadOf("f42"));
        var request = Only(sandbox, "GET", "/api/0/rpms/python-pyte/git/branches").RequestMessage;
        Assert.Equal("true", request.Query!["with_commits"].Single());
    }

    [Fact]
    public async Task Retirement_reason_is_the_dead_package_text_and_null_on_a_living_branch()
    {
        await using var sandbox = DistGitStories.Start();

        var retired = await sandbox.DistGit.GetRetirementReasonAsync(DistGitStories.Pyte, "rawhide");
        var living = await sandbox.DistGit.GetRetirementReasonAsync(DistGitStories.Pyte, "epel9");
        var missingBranch = await sandbox.DistGit.GetRetirementReasonAsync(DistGitStories.Pyte, "f99");

        Assert.Equal("Orphaned for 6+ weeks\n", retired);
        Assert.Null(living);
        Assert.Null(missingBranch);
        Assert.Contains(sandbox.Server(ServiceName.DistGit).LogEntries, e => e.RequestMessage.Path == "/rpms/python-pyte/raw/rawhide/f/dead.package");
    }

    [Fact]
    public async Task Creating_a_project_posts_the_new_project_form_with_the_token_and_makes_a_repository_with_a_readme()
    {
        await using var sandbox = DistGitStories.Start();
        var project = new NewDistGitProject(DistGitStories.Fresh, "A fresh package", "https://example.org/fresh");

        await sandbox.DistGit.CreateProjectAsync(project);

        var request = Only(sandbox, "POST", "/api/0/new");
        Assert.Equal("/api/0/new", request.RequestMessage.Path);
        Assert.Equal($"token {DistGitStories.Token}", Authorization(request));
        var form = Form(request.RequestMessage.Body!);
        Assert.Equal("rpms", form["namespace"]);
        Assert.Equal("fresh", form["name"]);
        Assert.Equal("A fresh package", form["description"]);
        Assert.Equal("https://example.org/fresh", form["url"]);
        Assert.Equal("rawhide", form["default_branch"]);
        Assert.Equal("true", form["create_readme"]);
        Assert.Equal("true", form["wait"]);
        Assert.Equal("{\"message\":\"Project \\\"rpms/fresh\\\" created\"}", request.ResponseMessage.BodyData!.BodyAsString!.Trim());
        var created = await sandbox.DistGit.GetProjectAsync(DistGitStories.Fresh);
        Assert.NotNull(created);
        Assert.Equal("A fresh package", created.Description);
        var branches = await sandbox.DistGit.GetBranchesAsync(DistGitStories.Fresh);
        Assert.Equal(["rawhide"], branches!.Names);
        Assert.Equal("# fresh\n\nA fresh package\n", await sandbox.DistGit.GetFileAsync(DistGitStories.Fresh, "rawhide", "README.md"));
    }

    [Fact]
    public async Task Creating_a_project_that_exists_is_refused_like_pagure_and_the_client_finds_it_there()
    {
        await using var sandbox = DistGitStories.Start();

        var created = await sandbox.DistGit.CreateProjectAsync(new NewDistGitProject(DistGitStories.Pyte, "again"));

        Assert.False(created);
        var refusal = Only(sandbox, "POST", "/api/0/new");
        Assert.Equal(400, refusal.ResponseMessage.StatusCode);
        Assert.Equal("{\"error\":\"It is not possible to create the repo \\\"rpms/python-pyte\\\"\",\"error_code\":\"ENOCODE\"}",
            refusal.ResponseMessage.BodyData!.BodyAsString!.Trim());
        Assert.Contains(sandbox.Server(ServiceName.DistGit).LogEntries, e => e.RequestMessage.Method == "GET" && e.RequestMessage.Path == "/api/0/rpms/python-pyte");
    }

    [Fact]
    public async Task Creating_a_project_refused_for_another_reason_still_fails()
    {
        await using var sandbox = DistGitStories.Start();

        var error = await Assert.ThrowsAsync<PagureException>(() =>
            sandbox.DistGitClient(null).CreateProjectAsync(new NewDistGitProject(DistGitStories.Fresh, "no token")));

        Assert.Equal("EINVALIDTOK", error.ErrorCode);
        Assert.Null(await sandbox.DistGit.GetProjectAsync(DistGitStories.Fresh));
    }

    [Fact]
    public async Task A_branch_created_from_the_first_commit_points_at_it()
    {
        await using var sandbox = DistGitStories.Start();
        var first = sandbox.Bare(DistGitStories.Pyte, "rev-list", "--max-parents=0", "refs/heads/rawhide");

        await sandbox.DistGit.CreateBranchAsync(DistGitStories.Pyte, "epel10", BranchOrigin.FromCommit(first));

        var request = Only(sandbox, "POST", "/api/0/rpms/python-pyte/git/branch");
        Assert.Equal($"token {DistGitStories.Token}", Authorization(request));
        Assert.Equal(new Dictionary<string, string> { ["branch"] = "epel10", ["from_commit"] = first }, Form(request.RequestMessage.Body!));
        Assert.Equal("{\"message\":\"Project branch was created\"}", request.ResponseMessage.BodyData!.BodyAsString!.Trim());
        Assert.Equal(first, sandbox.Head(DistGitStories.Pyte, "epel10"));
    }

    [Fact]
    public async Task A_branch_created_from_a_branch_starts_at_its_head_and_a_second_create_finds_it_there()
    {
        await using var sandbox = DistGitStories.Start();

        var first = await sandbox.DistGit.CreateBranchAsync(DistGitStories.Pyte, "epel10", BranchOrigin.FromBranch("epel9"));
        var again = await sandbox.DistGit.CreateBranchAsync(DistGitStories.Pyte, "epel10", BranchOrigin.FromBranch("epel9"));

        Assert.True(first);
        Assert.False(again);
        Assert.Equal(sandbox.Head(DistGitStories.Pyte, "epel9"), sandbox.Head(DistGitStories.Pyte, "epel10"));
        var refusal = sandbox.Server(ServiceName.DistGit).LogEntries.Where(e => e.RequestMessage.Path == "/api/0/rpms/python-pyte/git/branch").Last();
        Assert.Equal(400, refusal.ResponseMessage.StatusCode);
        Assert.Contains("The branch \\\"epel10\\\" already exists", refusal.ResponseMessage.BodyData!.BodyAsString!);
    }

    [Fact]
    public async Task Giving_an_orphaned_package_patches_main_admin_as_json()
    {
        await using var sandbox = DistGitStories.Start();

        var changed = await sandbox.DistGit.SetMainAdminAsync(DistGitStories.Pyte, "jdoe");

        var request = Only(sandbox, "PATCH", "/api/0/rpms/python-pyte");
        Assert.Equal("/api/0/rpms/python-pyte", request.RequestMessage.Path);
        Assert.Equal($"token {DistGitStories.Token}", Authorization(request));
        Assert.Equal("{\"main_admin\":\"jdoe\"}", request.RequestMessage.Body);
        Assert.StartsWith("application/json", request.RequestMessage.Headers!["Content-Type"].Single(), StringComparison.Ordinal);
        Assert.Equal("jdoe", changed.Owner);
        Assert.False(changed.IsOrphaned);
        Assert.DoesNotContain("jdoe", changed.Users.Admin);
        Assert.Equal("jdoe", (await sandbox.DistGit.GetProjectAsync(DistGitStories.Pyte))!.Owner);
    }

    [Fact]
    public async Task Giving_a_package_to_an_unknown_account_is_ENOUSER_and_changes_nothing()
    {
        await using var sandbox = DistGitStories.Start();

        var error = await Assert.ThrowsAsync<PagureException>(() => sandbox.DistGit.SetMainAdminAsync(DistGitStories.Pyte, "nobody"));

        Assert.Equal("ENOUSER", error.ErrorCode);
        Assert.Equal(DistGitProject.OrphanOwner, (await sandbox.DistGit.GetProjectAsync(DistGitStories.Pyte))!.Owner);
    }

    [Fact]
    public async Task Writes_without_a_token_are_refused_with_EINVALIDTOK_exactly_like_pagure()
    {
        await using var sandbox = DistGitStories.Start();
        var anonymous = sandbox.DistGitClient(token: null);

        var error = await Assert.ThrowsAsync<PagureException>(() =>
            anonymous.CreateBranchAsync(DistGitStories.Pyte, "epel10", BranchOrigin.FromBranch("rawhide")));
        var patch = await Assert.ThrowsAsync<PagureException>(() => anonymous.SetMainAdminAsync(DistGitStories.Pyte, "jdoe"));

        Assert.Equal(HttpStatusCode.Unauthorized, error.Status);
        Assert.Equal("EINVALIDTOK", error.ErrorCode);
        Assert.Equal("Invalid token", error.Detail);
        Assert.Equal("EINVALIDTOK", patch.ErrorCode);
        var request = Only(sandbox, "POST", "/api/0/rpms/python-pyte/git/branch");
        Assert.Null(Authorization(request));
        var expected = File.ReadAllText("Samples/distgit/new_issue_err_noauth.json").Trim()
            .Replace("http://127.0.0.1:5111/", sandbox.Endpoints.DistGit.ToString(), StringComparison.Ordinal);
        Assert.Equal(expected, request.ResponseMessage.BodyData!.BodyAsString!.Trim());
        Assert.DoesNotContain("epel10", (await sandbox.DistGit.GetBranchesAsync(DistGitStories.Pyte))!.Names);
    }

    [Fact]
    public async Task Bearer_authorization_is_refused()
    {
        await using var sandbox = DistGitStories.Start();
        using var http = new HttpClient { BaseAddress = sandbox.Endpoints.DistGit };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/0/rpms/python-pyte/git/branch")
        {
            Content = new FormUrlEncodedContent([new("branch", "epel10"), new("from_branch", "rawhide")]),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", DistGitStories.Token);

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task The_fake_project_has_the_fields_of_a_real_pagure_project()
    {
        await using var sandbox = DistGitStories.Start();
        using var http = new HttpClient { BaseAddress = sandbox.Endpoints.DistGit };

        using var fake = JsonDocument.Parse(await http.GetStringAsync("/api/0/rpms/python-pyte"));
        using var real = JsonDocument.Parse(File.ReadAllText("Samples/distgit/project_releng.json"));

        static string[] Keys(JsonElement e) => e.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(Keys(real.RootElement), Keys(fake.RootElement));
        foreach (var nested in new[] { "access_users", "access_groups", "user" })
        {
            Assert.Equal(Keys(real.RootElement.GetProperty(nested)), Keys(fake.RootElement.GetProperty(nested)));
        }
        Assert.Equal("rpms", fake.RootElement.GetProperty("namespace").GetString());
        Assert.Equal("rpms/python-pyte", fake.RootElement.GetProperty("fullname").GetString());
    }

    [Fact]
    public async Task A_user_exists_only_on_an_exact_match_although_pagure_searches_by_prefix()
    {
        await using var sandbox = DistGitStories.Start();

        Assert.True(await sandbox.DistGit.UserExistsAsync("jdoe"));
        Assert.False(await sandbox.DistGit.UserExistsAsync("jdo"));
        Assert.False(await sandbox.DistGit.UserExistsAsync("stranger"));

        var prefix = Assert.Single(sandbox.Server(ServiceName.DistGit).LogEntries, e => e.RequestMessage.Query?["pattern"].Single() == "jdo");
        Assert.Equal("/api/0/users", prefix.RequestMessage.Path);
        Assert.Contains("\"jdoe\"", prefix.ResponseMessage.BodyData!.BodyAsString, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("../rawhide", "dead.package")]
    [InlineData("rawhide\n", "dead.package")]
    [InlineData("-rawhide", "dead.package")]
    [InlineData("rawhide", "../../../etc/passwd")]
    [InlineData("rawhide", "a/./b")]
    public async Task Hostile_names_are_refused_before_any_request(string branch, string path)
    {
        await using var sandbox = DistGitStories.Start();

        await Assert.ThrowsAsync<DistGitNameException>(() => sandbox.DistGit.GetFileAsync(DistGitStories.Pyte, branch, path));
        await Assert.ThrowsAsync<DistGitNameException>(() => sandbox.DistGit.SetMainAdminAsync(DistGitStories.Pyte, "jdoe;rm"));

        Assert.Empty(sandbox.Server(ServiceName.DistGit).LogEntries);
    }

    private static Dictionary<string, string> Form(string body) =>
        body.Split('&').Select(p => p.Split('=', 2)).ToDictionary(
            p => Uri.UnescapeDataString(p[0].Replace('+', ' ')), p => Uri.UnescapeDataString(p[1].Replace('+', ' ')));
}
