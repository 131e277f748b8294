using Releng.Jobs.Http;
using Releng.Jobs.Sandbox.Scenarios;
using Releng.Jobs.Services;
using Releng.Jobs.Tests.Sandbox;

namespace Releng.Jobs.Tests.Bugzilla;

/// <summary>Bugzilla scenarios for the client's tests, on the shared <see cref="TestSandbox"/> with only the Bugzilla fake.</summary>
internal static class BugzillaStories
{
    public const string ApiKey = "bz-key-0123456789";
    public static readonly DateTimeOffset Clock = TestSandbox.DefaultClock;

    /// <summary>The fake Bugzilla over the scenario at <see cref="Clock"/>, and a client holding <paramref name="apiKey"/>.</summary>
    public static TestSandbox Start(Scenario scenario, string? apiKey = ApiKey)
    {
        scenario.Clock = Clock;
        return TestSandbox.From(scenario, new TestSandboxOptions
        {
            Fakes = [ServiceName.Bugzilla],
            Credentials = TestSandbox.NoCredentials with { BugzillaApiKey = apiKey },
            Http = new HttpOptions { RetryBaseDelay = TimeSpan.FromMilliseconds(1), MaxRetries = 2 },
        });
    }

    /// <summary>jdoe asks, reviewer approves: a review bug that passes every rule.</summary>
    public static Scenario ReviewScenario() => new()
    {
        People =
        {
            ["jdoe"] = new PersonScenario { Email = "jdoe@example.com" },
            ["reviewer"] = new PersonScenario(),
        },
        Bugzilla = new BugzillaScenario
        {
            Bugs =
            [
                new BugScenario
                {
                    Id = 2300001,
                    Summary = "Review Request: perl-Foo - Foo for Perl",
                    Creator = "jdoe",
                    AssignedTo = "reviewer",
                    DaysAgo = 20,
                    Flags = [new BugFlagScenario { Setter = "reviewer", DaysAgo = 3 }],
                },
            ],
        },
    };
}
