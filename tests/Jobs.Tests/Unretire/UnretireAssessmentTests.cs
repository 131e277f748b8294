using Releng.Jobs.Accounts;
using Releng.Jobs.DistGit;
using Releng.Jobs.Reviews;
using Releng.Jobs.Unretire;

namespace Releng.Jobs.Tests.Unretire;

public sealed class UnretireAssessmentTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);
    private static readonly DistGitRepo Repo = DistGitRepo.Parse("rpms/python-pyte");

    private static UnretireFacts Facts(int retiredDaysAgo = 21, string owner = "jdoe", string reason = "Orphaned for 6+ weeks",
        int commitsAfter = 0, bool exists = true, bool? blocked = true, int? bug = null, ReviewVerdict? review = null,
        bool packager = true, string branch = "rawhide", bool reviewExempt = false, DateTimeOffset? now = null)
    {
        var retirement = new RetirementCommit(branch, "abcdef1234567890", Now.AddDays(-retiredDaysAgo), "releng", reason,
            commitsAfter == 0 ? "abcdef1234567890" : "1111111111111111", commitsAfter, reason);
        var project = new DistGitProject(Repo, "", "", owner, new DistGitAccess([owner], [], [], [], []), DistGitAccess.Empty, null, null);
        var branchFacts = new BranchFacts(branch, exists, exists ? reason : null, exists ? retirement : null, "f44", blocked, reviewExempt);
        return new UnretireFacts(new UnretireRequest(Repo, [branch], bug, "jdoe", "jdoe"), "https://pagure.io/releng/issue/1",
            project, new Uri("https://src.fedoraproject.org/rpms/python-pyte"), [branchFacts],
            new AccountFact(new FedoraAccount("jdoe", "jdoe@fedoraproject.org", packager)), new AccountFact(new FedoraAccount("jdoe", "jdoe@fedoraproject.org", packager)),
            owner == "orphan" ? true : null, review, bug is null ? null : new Uri($"https://bugzilla.redhat.com/show_bug.cgi?id={bug}"), now ?? Now);
    }

    [Fact]
    public void Ticket_retired_3_weeks_ago_with_every_check_passing_is_ready() =>
        Assert.Equal(UnretireVerdict.Ready, UnretireAssessment.Of(Facts(retiredDaysAgo: 21)).Verdict);

    [Fact]
    public void Ticket_retired_exactly_8_weeks_ago_needs_no_review() =>
        Assert.Equal(UnretireVerdict.Ready, UnretireAssessment.Of(Facts(retiredDaysAgo: 56)).Verdict);

    [Fact]
    public void Ticket_retired_9_weeks_ago_requires_review_bug() =>
        Assert.Equal(UnretireVerdict.NeedsReviewBug, UnretireAssessment.Of(Facts(retiredDaysAgo: 63)).Verdict);

    [Fact]
    public void Ticket_retired_9_weeks_ago_with_a_valid_review_bug_is_ready_with_review() =>
        Assert.Equal(UnretireVerdict.ReadyWithReview,
            UnretireAssessment.Of(Facts(retiredDaysAgo: 63, bug: 2400001, review: new ReviewVerdict(2400001, null, []))).Verdict);

    [Fact]
    public void Invalid_review_bug_is_refused_with_every_rule_it_breaks()
    {
        var review = new ReviewVerdict(2400001, null,
            [new ReviewProblem(ReviewRule.Assigned, "The Bugzilla bug provided is not assigned to anyone"),
             new ReviewProblem(ReviewRule.Approved, "The Bugzilla bug is not approved yet")]);

        var assessment = UnretireAssessment.Of(Facts(retiredDaysAgo: 63, bug: 2400001, review: review));

        Assert.Equal(UnretireVerdict.Refused, assessment.Verdict);
        Assert.Equal(2, assessment.Refusals.Count(r => r.Kind == RefusalKind.ReviewInvalid));
    }

    [Fact]
    public void Epel_branch_of_a_package_alive_in_fedora_needs_no_review() =>
        Assert.Equal(UnretireVerdict.Ready, UnretireAssessment.Of(Facts(retiredDaysAgo: 200, branch: "epel9", reviewExempt: true)).Verdict);

    [Theory]
    [InlineData("Retired: license changed to a non-free one")]
    [InlineData("Legal asked us to remove it")]
    [InlineData("Retired for licensing reasons")]
    public void Legal_or_license_reason_is_refused(string reason) =>
        Assert.Contains(UnretireAssessment.Of(Facts(reason: reason)).Refusals, r => r.Kind == RefusalKind.LegalReason);

    [Fact]
    public void Retirement_that_is_not_the_branch_head_is_refused() =>
        Assert.Contains(UnretireAssessment.Of(Facts(commitsAfter: 2)).Refusals, r => r.Kind == RefusalKind.NotAtHead);

    [Fact]
    public void Missing_branch_is_a_branch_request_not_an_unretirement()
    {
        var refusal = Assert.Single(UnretireAssessment.Of(Facts(exists: false)).Refusals);

        Assert.Equal(RefusalKind.BranchMissing, refusal.Kind);
        Assert.Contains("fedpkg request-branch rawhide", refusal.Message);
    }

    [Fact]
    public void Requester_outside_the_packager_group_is_refused() =>
        Assert.Contains(UnretireAssessment.Of(Facts(packager: false)).Refusals, r => r.Kind == RefusalKind.RequesterNotAllowed);

    [Fact]
    public void A_requester_the_account_directory_cannot_tell_about_is_neither_refused_nor_ready_but_unknown()
    {
        var facts = Facts(owner: "someoneelse") with { Requester = AccountFact.Unknown("cannot verify Fedora accounts: FASJSON did not answer") };

        var assessment = UnretireAssessment.Of(facts);

        Assert.Equal(UnretireVerdict.AccountsUnknown, assessment.Verdict);
        Assert.Empty(assessment.Refusals);
        Assert.False(assessment.CanProcess);
        Assert.Contains("requester account: unknown", UnretireReport.FactLines(facts, assessment));
        Assert.Contains("Fedora account of the requester @jdoe (is it a packager?): **unknown**: cannot verify Fedora accounts: FASJSON did not answer.",
            UnretireReport.Render(facts, assessment, UnretirePhase.All, null), StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_account_does_not_hide_what_another_rule_refuses() =>
        Assert.Equal(UnretireVerdict.Refused,
            UnretireAssessment.Of(Facts(blocked: null) with { Requester = AccountFact.Unknown("cannot verify Fedora accounts") }).Verdict);

    [Fact]
    public void A_known_account_adds_no_fact_line_so_earlier_reports_keep_their_hash() =>
        Assert.DoesNotContain(UnretireReport.FactLines(Facts(), UnretireAssessment.Of(Facts())), l => l.Contains("account", StringComparison.Ordinal));

    [Fact]
    public void Requester_without_access_to_a_package_that_is_not_orphaned_is_refused() =>
        Assert.Contains(UnretireAssessment.Of(Facts(owner: "someoneelse")).Refusals, r => r.Kind == RefusalKind.RequesterNotAllowed);

    [Fact]
    public void Package_missing_from_the_koji_tag_list_is_refused() =>
        Assert.Contains(UnretireAssessment.Of(Facts(blocked: null)).Refusals, r => r.Kind == RefusalKind.NotInKoji);

    [Fact]
    public void Report_hash_does_not_change_as_days_pass_but_changes_with_the_facts()
    {
        var today = Facts(retiredDaysAgo: 21);
        var tomorrow = Facts(retiredDaysAgo: 21, now: Now.AddDays(1));
        var unblocked = Facts(retiredDaysAgo: 21, blocked: false);
        string Hash(UnretireFacts f) => UnretireReport.Hash(UnretireReport.FactLines(f, UnretireAssessment.Of(f)));

        Assert.Equal(Hash(today), Hash(tomorrow));
        Assert.NotEqual(Hash(today), Hash(unblocked));
    }

    [Fact]
    public void Report_says_what_changed_since_the_previous_one()
    {
        var before = Facts(blocked: true);
        var first = UnretireReport.Render(before, UnretireAssessment.Of(before), UnretirePhase.Report, null);
        var after = Facts(blocked: false);

        var second = UnretireReport.Render(after, UnretireAssessment.Of(after), UnretirePhase.Report, Jobs.Tickets.BotMarker.Read(first));

        Assert.DoesNotContain("What changed", first);
        Assert.Contains("What changed since the last report:\n- rawhide koji: blocked → not blocked", second);
    }

    [Fact]
    public void Retirement_reason_cannot_break_the_report_table_or_ping_people()
    {
        var facts = Facts(reason: "gone | see @everyone\n<script>");

        var report = UnretireReport.Render(facts, UnretireAssessment.Of(facts), UnretirePhase.Report, null);

        Assert.Contains("| Retired (`dead.package`) | yes: `gone \\| see @everyone <script>` |", report);
    }
}
