using Releng.Jobs.Tests.Accounts;
using Microsoft.Extensions.Time.Testing;
using Releng.Jobs.Reviews;
using Releng.Jobs.Sandbox.Accounts;
using Releng.Jobs.Tests.Bugzilla;

namespace Releng.Jobs.Tests.Reviews;

public sealed class ReviewBugValidatorTests
{
    [Fact]
    public async Task Review_bug_from_the_sandbox_is_valid_for_its_package_and_requester()
    {
        using var sandbox = BugzillaStories.Start(BugzillaStories.ReviewScenario());
        var validator = new ReviewBugValidator(sandbox.Bugzilla, FasjsonPeople.Directory(sandbox.World.People),
            new FakeTimeProvider(BugzillaStories.Clock));

        var verdict = await validator.ValidateAsync(2300001, new ReviewRequest("perl-Foo", "jdoe"));

        Assert.True(verdict.IsValid, string.Join("; ", verdict.Problems.Select(p => p.Message)));
        Assert.Equal(2300001, verdict.Bug!.Id);
    }

    [Fact]
    public async Task Approval_ages_with_the_clock()
    {
        using var sandbox = BugzillaStories.Start(BugzillaStories.ReviewScenario());
        var validator = new ReviewBugValidator(sandbox.Bugzilla, FasjsonPeople.Directory(sandbox.World.People),
            new FakeTimeProvider(BugzillaStories.Clock.AddDays(58)));

        var verdict = await validator.ValidateAsync(2300001, new ReviewRequest("perl-Foo", "jdoe"));

        Assert.Equal([ReviewRule.ApprovedRecently], verdict.Problems.Select(p => p.Rule));
    }

    [Fact]
    public async Task Missing_bug_is_a_verdict_saying_it_could_not_be_verified()
    {
        using var sandbox = BugzillaStories.Start(BugzillaStories.ReviewScenario());
        var validator = new ReviewBugValidator(sandbox.Bugzilla, FasjsonPeople.Directory(sandbox.World.People),
            new FakeTimeProvider(BugzillaStories.Clock));

        var verdict = await validator.ValidateAsync(999, new ReviewRequest("perl-Foo", "jdoe"));

        Assert.Null(verdict.Bug);
        Assert.Equal("The Bugzilla bug could not be verified. The following error was encountered: Bug #999 does not exist.",
            Assert.Single(verdict.Problems).Message);
    }
}
