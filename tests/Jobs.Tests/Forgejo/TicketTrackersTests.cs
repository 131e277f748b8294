using Microsoft.Extensions.DependencyInjection;
using Releng.Jobs.Forgejo;
using Releng.Jobs.Tickets;
using Releng.Jobs.Trackers;
using static Releng.Jobs.Tests.Forgejo.ForgejoTestServer;

namespace Releng.Jobs.Tests.Forgejo;

/// <summary>A job's <c>tracker</c> value leads to the forge it names, and plans keep the full name.</summary>
public sealed class TicketTrackersTests
{
    [Fact]
    public async Task A_forge_tracker_reads_and_writes_the_forge_and_keeps_its_name_on_the_tickets()
    {
        using var forge = new ForgejoTestServer(ForgeTrackers(Issue(5)));
        using var provider = new ServiceCollection()
            .AddSingleton(forge.Tracker)
            .AddSingleton<TicketTrackers>()
            .BuildServiceProvider();
        const string name = "forge:releng/fedora-scm-requests";

        var tracker = provider.GetRequiredService<TicketTrackers>().For(name);
        var tickets = await tracker.ListOpenTicketsAsync(name);
        await tracker.CommentAsync(name, 5, "hello");

        var ticket = Assert.Single(tickets);
        Assert.Equal(name, ticket.Project);
        Assert.Equal($"{forge.Root}releng/fedora-scm-requests/issues/5", ticket.Url);
        Assert.Single(forge.RequestsTo("POST", ScmIssues + "/5/comments"));
        Assert.Equal(
            "forge:releng/fedora-scm-requests has no label 'Closed As/Denied' (repository or organization releng); tickets are closed without it",
            await ((ICloseLabelWarnings)tracker).CloseLabelWarningAsync(name, "Denied"));
    }

    [Fact]
    public void A_forge_tracker_without_a_forge_in_services_is_an_error_that_says_where_to_add_it()
    {
        using var provider = new ServiceCollection().AddSingleton<TicketTrackers>().BuildServiceProvider();

        var error = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<TicketTrackers>().For("forge:releng/tickets"));

        Assert.Contains("services: <environment>: forge:", error.Message);
    }

    [Fact]
    public async Task A_tracker_refuses_a_project_of_the_other_forge()
    {
        using var forge = new ForgejoTestServer(ForgeTrackers());
        var tracker = new PrefixedTicketTracker(forge.Tracker, TrackerKind.Forge);

        await Assert.ThrowsAsync<ArgumentException>(() => tracker.ListOpenTicketsAsync("pagure:releng"));
    }
}
