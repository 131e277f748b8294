using Releng.Jobs.Planning;
using Releng.Jobs.Tests.Sandbox;

namespace Releng.Jobs.Tests.ScmRequests;

/// <summary>The scm-requests story planned, applied, then applied a second time; tests read what each run did.</summary>
public sealed class AppliedStory : IAsyncLifetime
{
    internal TestSandbox Sandbox { get; private set; } = null!;
    public Plan FirstPlan { get; private set; } = null!;
    public IReadOnlyList<Outcome> FirstOutcomes { get; private set; } = [];
    public Plan SecondPlan { get; private set; } = null!;
    public IReadOnlyList<string> SecondRunWrites { get; private set; } = [];

    public async Task InitializeAsync()
    {
        Sandbox = ScmStories.Story();
        (FirstPlan, FirstOutcomes) = await Sandbox.ApplyScmRequestsAsync();
        Sandbox.ResetRequests();
        (SecondPlan, _) = await Sandbox.ApplyScmRequestsAsync();
        SecondRunWrites = Sandbox.WriteRequests();
    }

    public async Task DisposeAsync() => await Sandbox.DisposeAsync();
}
