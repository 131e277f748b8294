using System.Globalization;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Releng.Jobs.Http;
using Releng.Jobs.Unretire;

namespace Releng.Jobs.Tests.Unretire;

/// <summary>What the unretire plan costs as the tickets grow: Koji is asked a number of times that does not.</summary>
public sealed class UnretireScalingTests
{
    /// <summary>N tickets, each for a package retired on rawhide and f43 and blocked in both tags.</summary>
    private static string Story(int tickets)
    {
        var text = new StringBuilder("""
            clock: 2026-11-24T12:00:00Z
            people:
              releng-bot: { groups: [releng] }
              jdoe: {}
            pagure:
              projects:
                releng:
                  close_statuses: [Fixed, Invalid]
                  issues:

            """);
        for (var i = 0; i < tickets; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"        - {{ id: {i + 1}, title: \"Unretire rpms/pkg-{i}\", author: jdoe, days_ago: 1, body: \"Branches: rawhide f43\" }}\n");
        }
        text.Append("distgit:\n");
        for (var i = 0; i < tickets; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $$"""
                  rpms/pkg-{{i}}:
                    owner: jdoe
                    branches:
                      rawhide:
                        - { message: "Initial import", days_ago: 900 }
                        - { retire: "Retired by mistake", days_ago: 21 }
                      f43: same-as rawhide

                """);
        }
        text.Append("koji:\n  tags:\n");
        foreach (var tag in new[] { "f44", "f43" })
        {
            text.Append(CultureInfo.InvariantCulture, $"    {tag}:\n      packages:\n");
            for (var i = 0; i < tickets; i++)
            {
                text.Append(CultureInfo.InvariantCulture, $"        pkg-{i}: {{ blocked: true }}\n");
            }
        }
        return text.ToString();
    }

    private static async Task<(int KojiRequests, IReadOnlyList<string> Steps)> PlanAsync(int tickets)
    {
        await using var world = UnretireStories.Start(Story(tickets));
        var counter = world.Services.GetRequiredService<RequestCounter>();
        var job = world.UnretireJob("recent");
        var before = counter.Snapshot();

        var plan = await job.PlanAsync(CancellationToken.None);

        var koji = counter.Snapshot().Since(before).For("koji");
        Assert.Equal(0, koji.Writes);
        return (koji.Reads, plan.Decisions.SelectMany(d => d.Steps).Select(s => s.Name).ToList());
    }

    [Fact]
    public async Task Koji_block_states_of_all_tickets_are_read_in_one_request_whatever_their_number()
    {
        var few = await PlanAsync(2);
        var many = await PlanAsync(24);

        Assert.Equal(1, few.KojiRequests);
        Assert.Equal(1, many.KojiRequests);
        for (var i = 0; i < 24; i++)
        {
            Assert.Contains($"unblock pkg-{i} in Koji tag f44", many.Steps);
            Assert.Contains($"unblock pkg-{i} in Koji tag f43", many.Steps);
        }
    }

    [Fact]
    public void Tickets_are_checked_twice_as_many_at_once_as_one_service_takes_requests_unless_jobs_yaml_says()
    {
        Assert.Equal(2 * HttpOptions.Default.MaxConcurrency, new UnretireOptions().EffectiveConcurrency);
        Assert.Equal(3, new UnretireOptions(Concurrency: 3).EffectiveConcurrency);
    }

    [Fact]
    public void Tickets_at_once_follow_the_dist_git_bound_the_environment_sets_unless_jobs_yaml_says()
    {
        var bounds = new ServiceBounds(new Dictionary<string, int> { [Services.ServiceName.DistGit] = 12, [Services.ServiceName.Koji] = 2 }, 8);

        Assert.Equal(24, new UnretireOptions().For(bounds).EffectiveConcurrency);
        Assert.Equal(3, new UnretireOptions(Concurrency: 3).For(bounds).EffectiveConcurrency);
        Assert.Equal(16, new UnretireOptions().For(ServiceBounds.Defaults).EffectiveConcurrency);
    }
}
