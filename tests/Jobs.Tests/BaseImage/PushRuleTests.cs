using Releng.Jobs.BaseImage;
using Releng.Jobs.Koji;
using Releng.Jobs.Registry;

namespace Releng.Jobs.Tests.BaseImage;

public class PushRuleTests
{
    // Tuesday.
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);
    private static readonly RepositoryReference Quay = RepositoryReference.Parse("quay.io/fedora/fedora");

    private static KojiBuild Image(string release, DateTimeOffset completed) => new()
    {
        Id = 10, Nvr = $"Fedora-Container-Base-Generic-44-{release}", Name = "Fedora-Container-Base-Generic", Version = "44",
        Release = release, State = KojiBuildState.Complete, CompletionTime = completed,
    };

    private static TagState Holding(string tag, string? nvr) => new(
        Quay.WithTag(tag), "sha256:" + new string('a', 64), OciMediaTypes.ImageIndex, [],
        nvr is null ? new Dictionary<string, string>() : new Dictionary<string, string> { [PushRule.BuildAnnotation] = nvr });

    [Theory]
    [InlineData("2026-11-23T00:00:00Z", "2026-11-23T00:00:00Z")]
    [InlineData("2026-11-24T12:00:00Z", "2026-11-23T00:00:00Z")]
    [InlineData("2026-11-29T23:59:59Z", "2026-11-23T00:00:00Z")]
    [InlineData("2026-11-30T01:00:00+02:00", "2026-11-23T00:00:00Z")]
    public void The_week_starts_on_monday_at_midnight_utc(string now, string expected)
    {
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture),
            PushRule.WeekStart(DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void A_build_of_this_week_that_the_tags_do_not_hold_is_pushed()
    {
        var build = Image("20261123.0", Now.AddDays(-1));

        var verdict = PushRule.Decide(build, "f44", Now, [(Quay.WithTag("44"), Holding("44", "Fedora-Container-Base-Generic-44-20261117.0")), (Quay.WithTag("latest"), null)]);

        Assert.Equal(PushDecisionKinds.Push, verdict.Action);
        Assert.Contains("quay.io/fedora/fedora:latest is missing", verdict.Reason);
    }

    [Fact]
    public void A_build_every_tag_already_holds_is_nothing_to_push()
    {
        var build = Image("20261123.0", Now.AddDays(-1));

        var verdict = PushRule.Decide(build, "f44", Now, [(Quay.WithTag("44"), Holding("44", build.Nvr))]);

        Assert.Equal(PushDecisionKinds.NothingToPush, verdict.Action);
        Assert.Contains("already published", verdict.Reason);
    }

    [Fact]
    public void No_build_at_all_is_nothing_to_push()
    {
        Assert.Equal(PushDecisionKinds.NothingToPush, PushRule.Decide(null, "f44", Now, [(Quay.WithTag("44"), null)]).Action);
    }

    [Fact]
    public void Tags_that_do_not_record_their_build_get_only_a_build_of_this_week()
    {
        var unlabelled = new[] { (Quay.WithTag("44"), (TagState?)Holding("44", null)) };

        Assert.Equal(PushDecisionKinds.Push, PushRule.Decide(Image("20261123.0", Now.AddDays(-1)), "f44", Now, unlabelled).Action);
        var old = PushRule.Decide(Image("20261121.0", Now.AddDays(-3)), "f44", Now, unlabelled);
        Assert.Equal(PushDecisionKinds.NothingToPush, old.Action);
        Assert.Contains("no image build completed since Monday 2026-11-23", old.Reason);
    }

    [Fact]
    public void A_build_of_an_earlier_week_that_never_reached_a_tag_is_still_pushed()
    {
        var verdict = PushRule.Decide(Image("20261121.0", Now.AddDays(-3)), "f44", Now,
            [(Quay.WithTag("44"), Holding("44", "Fedora-Container-Base-Generic-44-20261114.0"))]);

        Assert.Equal(PushDecisionKinds.Push, verdict.Action);
    }
}
