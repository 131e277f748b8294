using System.Text.Json;
using Releng.Jobs.Configuration;
using Releng.Jobs.GitHub;

namespace Releng.Jobs.Tests.GitHub;

public sealed class RepositoryDispatchMapperTests
{
    private const string JobsYaml = """
        jobs:
          unretire:
            task: unretire
            schedule: "17 */2 * * *"
            events: [pagure-ticket]
            with: { tracker: releng, requests_tracker: none, phase: recent }
          unretire-report:
            task: unretire
            schedule: "47 6 * * *"
            with: { tracker: releng, phase: report }
          scm-requests:
            task: scm-requests
            events: [pagure-ticket]
            with: { tracker: releng/fedora-scm-requests }
          staging-requests:
            task: scm-requests
            enabled: false
            with: { tracker: releng/staging-requests }
          base-image-push:
            task: base-image-push
            with: { image: Fedora-Container-Base-Generic, target: f44-container, repository: fedora, registries: [quay.io/fedora], tags: [rawhide] }
        """;

    /// <summary>jobs.yaml as it is today: both jobs on Fedora Forge with their default trackers.</summary>
    private const string ForgeJobsYaml = """
        jobs:
          unretire:
            task: unretire
            events: [forge-ticket]
            with: { phase: recent }
          scm-requests:
            task: scm-requests
            events: [forge-ticket]
        """;

    private static RepositoryDispatchMapper Mapper(string yaml = JobsYaml) =>
        new(new JobsFileLoader(TaskCatalog.Default).Parse(yaml, "jobs.yaml"), TaskCatalog.Default, new Uri("https://pagure.io"),
            new Uri("https://forge.fedoraproject.org"));

    [Fact]
    public void A_forge_ticket_goes_to_the_job_whose_tracker_is_its_repository()
    {
        Assert.Equal(new TicketDispatch("unretire", "forge:releng/tickets", 12001),
            Mapper(ForgeJobsYaml).Map("https://forge.fedoraproject.org/releng/tickets/issues/12001"));
    }

    [Fact]
    public void A_fedora_scm_requests_ticket_goes_to_scm_requests_though_unretire_reads_that_tracker_too()
    {
        Assert.Equal(new TicketDispatch("scm-requests", "forge:releng/fedora-scm-requests", 5101),
            Mapper(ForgeJobsYaml).Map("https://forge.fedoraproject.org/releng/fedora-scm-requests/issues/5101"));
    }

    [Fact]
    public void The_unretire_job_accepts_a_ticket_url_of_its_requests_tracker_and_says_which_tracker_it_is_on()
    {
        Assert.Equal(new TicketDispatch("unretire", "forge:releng/fedora-scm-requests", 5101),
            Mapper(ForgeJobsYaml).MapForJob("unretire", "https://forge.fedoraproject.org/releng/fedora-scm-requests/issues/5101"));
    }

    [Theory]
    [InlineData("https://forge.fedoraproject.org/releng/tickets/pulls/12")]
    [InlineData("https://forge.fedoraproject.org/releng/tickets/issue/12")]
    [InlineData("https://forge.fedoraproject.org/releng/tickets/issues/12?x=1")]
    [InlineData("https://forge.fedoraproject.org/releng/../admin/tickets/issues/12")]
    [InlineData("https://forge.fedoraproject.org.evil.example/releng/tickets/issues/12")]
    public void A_url_that_is_not_an_issue_on_the_configured_forge_is_refused(string url)
    {
        Assert.Throws<DispatchRefusedException>(() => Mapper(ForgeJobsYaml).Map(url));
    }

    [Fact]
    public void A_releng_ticket_goes_to_the_releng_job_that_listens_to_events()
    {
        Assert.Equal(new TicketDispatch("unretire", "releng", 12345), Mapper().Map("https://pagure.io/releng/issue/12345"));
    }

    [Fact]
    public void A_namespaced_tracker_ticket_goes_to_the_job_of_that_tracker()
    {
        Assert.Equal(
            new TicketDispatch("scm-requests", "releng/fedora-scm-requests", 678),
            Mapper().Map("https://pagure.io/releng/fedora-scm-requests/issue/678"));
    }

    [Fact]
    public void A_link_to_a_comment_still_names_the_ticket()
    {
        Assert.Equal(12345, Mapper().Map("https://pagure.io/releng/issue/12345#comment-998877").Ticket);
    }

    [Fact]
    public void The_payload_s_ticket_url_is_read_from_client_payload()
    {
        using var payload = JsonDocument.Parse("""{"ticket_url":"https://pagure.io/releng/issue/12001","source":"webhook"}""");

        Assert.Equal(new TicketDispatch("unretire", "releng", 12001), Mapper().MapPayload(payload.RootElement));
    }

    [Fact]
    public void A_job_checks_that_the_ticket_belongs_to_its_tracker()
    {
        Assert.Equal(12345, Mapper().MapForJob("unretire-report", "https://pagure.io/releng/issue/12345").Ticket);
        var error = Assert.Throws<DispatchRefusedException>(() => Mapper().MapForJob("scm-requests", "https://pagure.io/releng/issue/12345"));
        Assert.Contains("'scm-requests' does not handle tickets of 'pagure:releng'", error.Message);
    }

    [Theory]
    [InlineData("https://evil.example/releng/issue/12345")]
    [InlineData("https://pagure.io.evil.example/releng/issue/12345")]
    [InlineData("http://pagure.io/releng/issue/12345")]
    [InlineData("https://pagure.io:8443/releng/issue/12345")]
    [InlineData("https://user@pagure.io/releng/issue/12345")]
    [InlineData("https://pagure.io/releng/issue/12345?x=1")]
    [InlineData("https://pagure.io/releng/pull-request/12345")]
    [InlineData("https://pagure.io/releng/issue/0")]
    [InlineData("https://pagure.io/releng/issue/12a")]
    [InlineData("https://pagure.io/fork/jdoe/releng/issue/12345")]
    [InlineData("https://pagure.io/other/../releng/issue/12345")]
    [InlineData("https://pagure.io/%72eleng/issue/12345")]
    [InlineData("https://pagure.io/releng/issue/12345/../../../admin")]
    [InlineData("releng/issue/12345")]
    [InlineData("javascript:alert(1)")]
    public void A_url_that_is_not_a_ticket_on_the_configured_pagure_is_refused(string url)
    {
        Assert.Throws<DispatchRefusedException>(() => Mapper().Map(url));
    }

    [Fact]
    public void A_ticket_of_a_tracker_no_enabled_job_handles_is_refused()
    {
        var error = Assert.Throws<DispatchRefusedException>(() => Mapper().Map("https://pagure.io/releng/staging-requests/issue/5"));

        Assert.Contains("no enabled job handles tickets of 'pagure:releng/staging-requests'", error.Message);
    }

    [Fact]
    public void Two_jobs_listening_to_the_same_tracker_are_ambiguous()
    {
        var yaml = JobsYaml.Replace("with: { tracker: releng, phase: report }", "events: [pagure-ticket]\n    with: { tracker: releng, phase: report }");

        var error = Assert.Throws<DispatchRefusedException>(() => Mapper(yaml).Map("https://pagure.io/releng/issue/1"));

        Assert.Contains("unretire, unretire-report", error.Message);
    }

    [Fact]
    public void A_missing_ticket_url_in_the_payload_is_refused()
    {
        using var payload = JsonDocument.Parse("""{"ticket":12345}""");

        Assert.Throws<DispatchRefusedException>(() => Mapper().MapPayload(payload.RootElement));
    }

    [Fact]
    public void A_refusal_quotes_an_overlong_url_only_in_part()
    {
        var url = "https://evil.example/" + new string('a', 400);

        var error = Assert.Throws<DispatchRefusedException>(() => Mapper().Map(url));

        Assert.True(error.Message.Length < 300, error.Message);
    }
}
