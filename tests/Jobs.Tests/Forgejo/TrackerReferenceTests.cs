using Releng.Jobs.Trackers;

namespace Releng.Jobs.Tests.Forgejo;

/// <summary>How jobs.yaml names where a ticket job's tickets live.</summary>
public sealed class TrackerReferenceTests
{
    [Theory]
    [InlineData("forge:releng/fedora-scm-requests", TrackerKind.Forge, "releng/fedora-scm-requests")]
    [InlineData("forge:releng/tickets", TrackerKind.Forge, "releng/tickets")]
    [InlineData("pagure:releng", TrackerKind.Pagure, "releng")]
    [InlineData("pagure:releng/fedora-scm-requests", TrackerKind.Pagure, "releng/fedora-scm-requests")]
    [InlineData("releng", TrackerKind.Pagure, "releng")]
    public void A_tracker_names_its_forge_and_project(string text, TrackerKind kind, string project)
    {
        var reference = TrackerReference.Parse(text);

        Assert.Equal((kind, project), (reference.Kind, reference.Project));
    }

    [Theory]
    [InlineData("forge:releng", "forge:<owner>/<repo>")]
    [InlineData("forge:releng/tickets/extra", "forge:<owner>/<repo>")]
    [InlineData("forge:releng/../etc", "forge:<owner>/<repo>")]
    [InlineData("gitlab:releng/tickets", "write forge:<owner>/<repo>")]
    [InlineData("", "write forge:<owner>/<repo>")]
    public void A_malformed_tracker_is_refused_with_the_forms_that_work(string text, string hint)
    {
        Assert.False(TrackerReference.TryParse(text, out _, out var problem));
        Assert.Contains(hint, problem);
    }

    [Fact]
    public void A_reference_prints_as_jobs_yaml_writes_it()
    {
        Assert.Equal("forge:releng/tickets", TrackerReference.Forge("releng/tickets").ToString());
        Assert.Equal("pagure:releng", TrackerReference.Parse("releng").ToString());
    }
}
