using Microsoft.Extensions.DependencyInjection;
using Releng.Jobs.DistGit;
using Releng.Jobs.Planning;
using Releng.Jobs.Sandbox;
using Releng.Jobs.Tests.Sandbox;
using Releng.Jobs.Tickets;

namespace Releng.Jobs.Tests.Unretire;

/// <summary>The unretire job end to end over the shared <see cref="TestSandbox"/>: every fake, the sandbox's clock and credentials.</summary>
internal static class UnretireStories
{
    /// <param name="standIns">False wires a real environment's services: no account directory (nobody can be verified).</param>
    /// <param name="pagureToken">False runs without a Pagure token, as a plan-only run does.</param>
    public static TestSandbox Start(string scenarioYaml, bool standIns = true, bool pagureToken = true) =>
        TestSandbox.FromYaml(scenarioYaml, new TestSandboxOptions
        {
            Credentials = pagureToken ? SandboxCredentials.Default : SandboxCredentials.Default with { PagureToken = null },
            ScenarioClock = true,
            StandIns = standIns,
        });

    /// <summary>The repository's default scenario (every story).</summary>
    public static TestSandbox StartDefault() =>
        TestSandbox.FromFile(TestSandbox.ScenarioFile("default.yaml"), new TestSandboxOptions { ScenarioClock = true, StandIns = true });

    /// <summary>The unretire job from its factory; <paramref name="tracker"/> stands in for the sandbox's, e.g. to inject failures.</summary>
    public static IJob UnretireJob(this TestSandbox sandbox, string phase, int? ticket = null, ITicketTracker? tracker = null, string? bot = null)
    {
        var parameters = new Dictionary<string, object?> { ["phase"] = phase };
        if (bot is not null)
        {
            parameters["bot"] = bot;
        }
        return sandbox.Job("unretire", parameters, ticket, tracker is null ? null : sandbox.WithTracker(tracker));
    }

    public static async Task<Ticket> TicketAsync(this TestSandbox sandbox, int id) => (await sandbox.Tracker.GetTicketAsync("releng", id))!;

    /// <summary>The head commit of a branch in the sandbox's bare repository.</summary>
    public static async Task<string?> HeadAsync(this TestSandbox sandbox, string repo, string branch) =>
        (await sandbox.Services.GetRequiredService<IDistGit>().GetBranchesAsync(DistGitRepo.Parse(repo)))?.HeadOf(branch);
}
