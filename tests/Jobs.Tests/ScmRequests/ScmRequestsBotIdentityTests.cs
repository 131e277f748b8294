using Releng.Jobs.ScmRequests;

namespace Releng.Jobs.Tests.ScmRequests;

/// <summary>Who the scm-requests bot is: the token's account, else (plan-only runs) the <c>bot</c> parameter.</summary>
public sealed class ScmRequestsBotIdentityTests
{
    private const string Scenario = """
        people:
          ada: {}
        pagure:
          projects:
            releng/fedora-scm-requests:
              close_statuses: [Processed, Invalid, Denied]
              issues:
                - id: 1
                  title: "New Repo"
                  author: ada
                  body: "please"
                  comments: [ { author: ada, body: "@custom-bot help" } ]
        """;

    [Fact]
    public async Task Without_a_token_the_bot_parameter_is_the_bot()
    {
        await using var sandbox = ScmStories.From(Scenario, pagureToken: false);

        var asCustom = await sandbox.PlanScmRequestsAsync(bot: "custom-bot");
        var asDefault = await sandbox.PlanScmRequestsAsync();

        Assert.Equal([ScmDecisionKinds.AnswerCommands, ScmDecisionKinds.Invalid], asCustom.Decisions.Select(d => d.Action));
        Assert.Equal([ScmDecisionKinds.Invalid], asDefault.Decisions.Select(d => d.Action));
    }

    [Fact]
    public async Task With_a_token_its_account_is_the_bot_and_a_different_bot_parameter_is_a_warning()
    {
        await using var sandbox = ScmStories.From(Scenario);

        var plan = await sandbox.PlanScmRequestsAsync(bot: "custom-bot");

        Assert.Equal([ScmDecisionKinds.Warning, ScmDecisionKinds.Invalid], plan.Decisions.Select(d => d.Action));
        var warning = plan.Decisions[0];
        Assert.Equal("bot @releng-bot", warning.Subject);
        Assert.Equal("the tracker token belongs to @releng-bot, not to the configured bot @custom-bot; acting as @releng-bot", warning.Reason);
        Assert.Empty(warning.Steps);
    }

    [Fact]
    public async Task With_a_token_of_the_configured_bot_there_is_no_warning()
    {
        await using var sandbox = ScmStories.From(Scenario);

        var plan = await sandbox.PlanScmRequestsAsync(bot: "releng-bot");

        Assert.DoesNotContain(plan.Decisions, d => d.Action == ScmDecisionKinds.Warning);
    }
}
