using Releng.Jobs.Accounts;
using Releng.Jobs.Tests.Accounts;
using Releng.Jobs.Bugzilla;
using Releng.Jobs.Reviews;
using Releng.Jobs.Sandbox.Accounts;
using Releng.Jobs.Sandbox.Scenarios;

namespace Releng.Jobs.Tests.Reviews;

public sealed class ReviewBugRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    private static readonly IAccountDirectory Directory = FasjsonPeople.Directory(new Dictionary<string, PersonScenario>
    {
        ["jdoe"] = new() { Email = "jdoe@example.com" },
        ["reviewer"] = new() { Email = "reviewer@example.org" },
        ["newbie"] = new() { Email = "newbie@example.net", Packager = false },
    });

    private static readonly ReviewRequest PerlFoo = new("perl-Foo", "jdoe");

    /// <summary>Filed by jdoe, assigned to and approved by reviewer three days ago.</summary>
    private static Bug ValidBug() => new(
        2300001,
        "Review Request: perl-Foo - Foo for Perl",
        "ASSIGNED",
        "",
        "Fedora",
        ["Package Review"],
        "jdoe@example.com",
        "reviewer@example.org",
        Now.AddDays(-20),
        [new BugFlag("fedora-review", "+", "reviewer@example.org", Now.AddDays(-3), Now.AddDays(-3))]);

    private static Bug ApprovedBy(Bug bug, string setter, double daysAgo = 3) =>
        bug with { Flags = [new BugFlag("fedora-review", "+", setter, Now.AddDays(-daysAgo), Now.AddDays(-daysAgo))] };

    private static async Task<IReadOnlyList<ReviewProblem>> Check(Bug bug, ReviewRequest? request = null) =>
        await ReviewBugRules.CheckAsync(bug, request ?? PerlFoo, Directory, Now);

    private static async Task<string> OnlyProblem(Bug bug, ReviewRequest? request = null) =>
        Assert.Single(await Check(bug, request)).Message;

    [Fact]
    public async Task Valid_review_bug_passes_every_rule() =>
        Assert.Empty(await Check(ValidBug()));

    [Fact]
    public async Task EPEL_branch_with_a_Fedora_review_bug_is_refused() =>
        Assert.Equal("The Bugzilla bug is for \"Fedora\" but the requested branch is an EPEL branch",
            await OnlyProblem(ValidBug(), PerlFoo with { Branch = "epel9" }));

    [Fact]
    public async Task Fedora_branch_with_an_EPEL_review_bug_is_refused() =>
        Assert.Equal("The Bugzilla bug is for \"Fedora EPEL\" but the requested branch is `f43`",
            await OnlyProblem(ValidBug() with { Product = "Fedora EPEL" }, PerlFoo with { Branch = "f43" }));

    [Theory]
    [InlineData("epel9")]
    [InlineData("epel10.1")]
    [InlineData("el6")]
    public async Task EPEL_branch_with_an_EPEL_review_bug_passes(string branch) =>
        Assert.Empty(await Check(ValidBug() with { Product = "Fedora EPEL" }, PerlFoo with { Branch = branch }));

    [Fact]
    public async Task Rawhide_request_with_an_EPEL_review_bug_passes_as_the_default_branch_is_not_checked() =>
        Assert.Empty(await Check(ValidBug() with { Product = "Fedora EPEL" }, PerlFoo with { Branch = "rawhide" }));

    [Fact]
    public async Task Bug_in_another_component_is_not_the_proper_type() =>
        Assert.Equal("The Bugzilla bug provided is not the proper type",
            await OnlyProblem(ValidBug() with { Components = ["perl-Foo"] }));

    [Fact]
    public async Task Container_request_needs_a_container_review() =>
        Assert.Equal(
            [ReviewRule.Component, ReviewRule.Product],
            (await Check(ValidBug(), PerlFoo with { Namespace = "container" })).Select(p => p.Rule));

    [Fact]
    public async Task Bug_for_another_product_is_refused() =>
        Assert.Equal("The Bugzilla bug provided is not for \"Fedora\" or \"Fedora EPEL\"",
            await OnlyProblem(ValidBug() with { Product = "Red Hat Enterprise Linux 9" }));

    [Fact]
    public async Task Container_review_for_another_product_names_the_container_product() =>
        Assert.Equal("The Bugzilla bug provided is not for \"Fedora Container Images\"",
            await OnlyProblem(ValidBug() with { Components = ["Container Review"] }, PerlFoo with { Namespace = "container" }));

    [Theory]
    [InlineData("nobody@fedoraproject.org")]
    [InlineData("")]
    public async Task Unassigned_bug_is_refused(string assignee)
    {
        var problems = await Check(ValidBug() with { AssignedTo = assignee });

        // Without an assignee, "approved by the assignee" cannot be judged; only the missing assignee is reported.
        Assert.Equal("The Bugzilla bug provided is not assigned to anyone", Assert.Single(problems).Message);
    }

    [Fact]
    public async Task Creator_unknown_to_FAS_is_refused() =>
        Assert.Equal(
            "The Bugzilla review bug creator could not be found in FAS. Make sure your FAS email address is the same as in Bugzilla.",
            await OnlyProblem(ValidBug() with { Creator = "stranger@example.com" }));

    [Fact]
    public async Task Bug_filed_by_someone_other_than_the_requester_is_refused() =>
        Assert.Equal("The Bugzilla review bug creator didn't match the requester in Pagure.",
            await OnlyProblem(ValidBug(), PerlFoo with { Requester = "newbie" }));

    [Fact]
    public async Task Creator_known_by_the_fedoraproject_alias_is_the_requester() =>
        Assert.Empty(await Check(ValidBug() with { Creator = "jdoe@fedoraproject.org" }));

    [Fact]
    public async Task Bug_without_a_review_flag_is_not_approved() =>
        Assert.Equal("The Bugzilla bug is not approved yet", await OnlyProblem(ValidBug() with { Flags = [] }));

    [Theory]
    [InlineData("?")]
    [InlineData("-")]
    public async Task Review_flag_that_is_not_plus_is_not_approved(string status) =>
        Assert.Equal("The Bugzilla bug is not approved yet",
            await OnlyProblem(ValidBug() with { Flags = [ValidBug().Flags[0] with { Status = status }] }));

    [Fact]
    public async Task Other_flags_do_not_count_as_approval() =>
        Assert.Equal("The Bugzilla bug is not approved yet",
            await OnlyProblem(ValidBug() with { Flags = [ValidBug().Flags[0] with { Name = "needinfo" }] }));

    [Fact]
    public async Task Review_approved_by_a_non_packager_is_refused()
    {
        var bug = ApprovedBy(ValidBug() with { AssignedTo = "newbie@example.net" }, "newbie@example.net");

        Assert.Equal("The Bugzilla bug's review is approved by a user that is not a packager", await OnlyProblem(bug));
    }

    [Fact]
    public async Task Review_approved_by_an_email_unknown_to_FAS_is_refused()
    {
        var bug = ApprovedBy(ValidBug() with { AssignedTo = "ghost@example.com" }, "ghost@example.com");

        Assert.Equal(
            "The email address `ghost@example.com` of the Bugzilla reviewer is not tied to a user in FAS. Group membership can't be validated.",
            await OnlyProblem(bug));
    }

    [Fact]
    public async Task Review_flag_set_by_the_creator_is_refused()
    {
        var bug = ApprovedBy(ValidBug() with { AssignedTo = "jdoe@example.com" }, "jdoe@example.com");

        Assert.Equal("The Bugzilla bug's review is approved by the person creating the bug. This is not allowed.",
            await OnlyProblem(bug));
    }

    [Fact]
    public async Task Review_flag_set_by_the_creator_under_another_email_is_refused()
    {
        var bug = ApprovedBy(ValidBug() with { AssignedTo = "jdoe@fedoraproject.org" }, "jdoe@fedoraproject.org");

        Assert.Equal([ReviewRule.ApproverIsNotCreator], (await Check(bug)).Select(p => p.Rule));
    }

    [Fact]
    public async Task Review_flag_set_by_someone_other_than_the_assignee_is_refused()
    {
        var bug = ValidBug() with { AssignedTo = "newbie@example.net" };

        Assert.Equal("The review is not approved by the assignee of the Bugzilla bug", await OnlyProblem(bug));
    }

    [Fact]
    public async Task Assignee_approving_under_their_other_email_counts_as_the_assignee() =>
        Assert.Empty(await Check(ApprovedBy(ValidBug(), "reviewer@fedoraproject.org")));

    [Fact]
    public async Task Review_approved_61_days_ago_has_expired() =>
        Assert.Equal("The Bugzilla bug's review was approved over 60 days ago",
            await OnlyProblem(ApprovedBy(ValidBug(), "reviewer@example.org", daysAgo: 61)));

    [Fact]
    public async Task Review_approved_60_days_ago_still_counts() =>
        Assert.Empty(await Check(ApprovedBy(ValidBug(), "reviewer@example.org", daysAgo: 60)));

    [Fact]
    public async Task Summary_without_a_colon_is_an_invalid_title() =>
        Assert.Equal("Invalid title for this Bugzilla bug (no \":\" present)",
            await OnlyProblem(ValidBug() with { Summary = "perl-Foo - Foo for Perl" }));

    [Fact]
    public async Task Summary_without_a_spaced_dash_is_an_invalid_title() =>
        Assert.Equal("Invalid title for this Bugzilla bug (no \"-\" present)",
            await OnlyProblem(ValidBug() with { Summary = "Review Request: perl-Foo: Foo for Perl" }));

    [Fact]
    public async Task Summary_naming_another_package_is_refused() =>
        Assert.Equal("The package in the Bugzilla bug `perl-Bar` doesn't match the one provided `perl-Foo`",
            await OnlyProblem(ValidBug() with { Summary = "Review Request:  perl-Bar  - Bar for Perl" }));

    [Fact]
    public async Task Every_failed_rule_is_reported_not_only_the_first()
    {
        var bug = ValidBug() with
        {
            Product = "Fedora EPEL",
            Components = ["perl-Foo"],
            Creator = "newbie@example.net",
            Flags = [],
            Summary = "perl-Foo",
        };

        var problems = await Check(bug, PerlFoo with { Branch = "f43" });

        Assert.Equal(
            [ReviewRule.BranchMatchesProduct, ReviewRule.Component, ReviewRule.CreatorIsRequester, ReviewRule.Approved, ReviewRule.SummaryHasColon],
            problems.Select(p => p.Rule));
    }

    [Fact]
    public async Task Namespace_without_review_rules_is_refused() =>
        await Assert.ThrowsAsync<ArgumentException>(() => Check(ValidBug(), PerlFoo with { Namespace = "tests" }));

    [Theory]
    [InlineData("rpms", false, true)]
    [InlineData("container", false, true)]
    [InlineData("test-modules", false, true)]
    [InlineData("rpms", true, false)]
    [InlineData("modules", false, false)]
    [InlineData("tests", false, false)]
    public void Review_is_required_except_for_exceptions_modules_and_tests(string ns, bool exception, bool required) =>
        Assert.Equal(required, ReviewBugRules.IsReviewRequired(ns, exception));

    [Fact]
    public void Unreadable_bug_reports_Bugzilla_error_text()
    {
        var problem = ReviewBugRules.NotVerifiable(new BugzillaException(System.Net.HttpStatusCode.NotFound, 101, "Bug #5 does not exist."));

        Assert.Equal("The Bugzilla bug could not be verified. The following error was encountered: Bug #5 does not exist.", problem.Message);
    }
}
