using Releng.Jobs.BaseImage;
using Releng.Jobs.Configuration;
using Releng.Jobs.Planning;
using Releng.Jobs.ScmRequests;
using Releng.Jobs.Unretire;
using Releng.Jobs.Workflows;

namespace Releng.Jobs.Tests.Configuration;

public sealed class JobDescriptorTests
{
    private static readonly JobsFileLoader Loader = new(TaskCatalog.Default);

    private static JobRequest RequestFor(string yaml, string job = "x")
    {
        var file = Loader.Parse(yaml, "jobs.yaml");
        var entry = file.Jobs[job];
        return new JobRequest(job, new JobParameters(TaskCatalog.Default.Find(entry.Task)!, entry.With, entry.ParameterOrigins));
    }

    [Fact]
    public void An_unset_parameter_takes_the_default_of_the_jobs_options()
    {
        var options = new ScmRequestsDescriptor().Bind(RequestFor("jobs:\n  x:\n    task: scm-requests\n"));

        Assert.Equal(new ScmRequestsOptions() with { Approvers = [] }, options with { Approvers = [] });
        Assert.Equal(new UnretireOptions().Bot, new UnretireDescriptor().Bind(RequestFor("jobs:\n  x:\n    task: unretire\n    with: { phase: all }\n")).Bot);
    }

    [Fact]
    public void The_provenpackager_group_of_scm_requests_can_be_set_in_jobs_yaml()
    {
        var options = new ScmRequestsDescriptor().Bind(RequestFor("jobs:\n  x:\n    task: scm-requests\n    with: { provenpackager_group: proven-test }\n"));

        Assert.Equal("proven-test", options.ProvenpackagerGroup);
    }

    [Fact]
    public void The_unretire_binder_reads_every_parameter()
    {
        var options = new UnretireDescriptor().Bind(RequestFor(
            "jobs:\n  x:\n    task: unretire\n    with: { tracker: rel, phase: recent, bot: bot2, releng_group: grp, requests_tracker: \"forge:releng/r\" }\n"));

        Assert.Equal(new UnretireOptions("rel", UnretirePhase.Recent, null, "bot2", "grp", RequestsTracker: "forge:releng/r"), options);
        Assert.Equal(["rel", "forge:releng/r"], options.Trackers);
    }

    [Fact]
    public void By_default_the_ticket_jobs_read_the_trackers_on_fedora_forge()
    {
        var unretire = new UnretireDescriptor().Bind(RequestFor("jobs:\n  x:\n    task: unretire\n    with: { phase: all }\n"));
        var scm = new ScmRequestsDescriptor().Bind(RequestFor("jobs:\n  x:\n    task: scm-requests\n"));

        Assert.Equal(["forge:releng/tickets", "forge:releng/fedora-scm-requests"], unretire.Trackers);
        Assert.Equal("forge:releng/fedora-scm-requests", scm.Tracker);
        Assert.Equal(["forge:releng/tickets"], new UnretireDescriptor().Bind(RequestFor(
            "jobs:\n  x:\n    task: unretire\n    with: { phase: all, requests_tracker: none }\n")).Trackers);
    }

    [Fact]
    public void A_tracker_that_is_not_owner_and_repo_on_the_forge_is_reported_at_its_line_and_column()
    {
        var request = RequestFor("jobs:\n  x:\n    task: scm-requests\n    with:\n      tracker: \"forge:releng\"\n");

        var error = Assert.Throws<ConfigurationException>(() => new ScmRequestsDescriptor().Bind(request));

        Assert.StartsWith("jobs.yaml:5:", error.Message);
        Assert.Contains("write forge:<owner>/<repo>, e.g. forge:releng/fedora-scm-requests", error.Message);
    }

    [Fact]
    public void A_bad_registry_is_reported_at_its_line_in_jobs_yaml()
    {
        var request = RequestFor("""
            jobs:
              x:
                task: base-image-push
                with:
                  image: Fedora-Container-Base-Generic
                  target: f44-container
                  repository: fedora
                  registries: ["quay.io/Bad Name"]
                  tags: ["44"]
            """);

        var error = Assert.Throws<ConfigurationException>(() => new BaseImagePushDescriptor().Bind(request));

        Assert.Equal(("jobs.yaml", 8L), (error.File, error.Line));
    }

    [Fact]
    public void A_workflow_gets_the_secrets_and_timeout_its_descriptor_names()
    {
        var profile = TaskWorkflowProfile.For(UnretireDescriptor.Name);

        Assert.Equal(new UnretireDescriptor().Secrets, profile.Secrets);
        Assert.Equal(30, profile.TimeoutMinutes);
        Assert.True(TaskWorkflowProfile.For(BaseImagePushDescriptor.Name).InstallsTools);
    }
}
