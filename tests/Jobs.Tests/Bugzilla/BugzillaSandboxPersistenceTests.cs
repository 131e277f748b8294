using Microsoft.Extensions.DependencyInjection;
using Releng.Jobs.Bugzilla;
using Releng.Jobs.Sandbox;
using Releng.Jobs.Secrets;

namespace Releng.Jobs.Tests.Bugzilla;

public sealed class BugzillaSandboxPersistenceTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("bz-sandbox-").FullName;

    private static IBugzilla Client(SandboxHost host) =>
        new ServiceCollection()
            .AddBugzilla(host.Endpoints, new Credentials(null, null, "key", null, null, null, null, null, null))
            .BuildServiceProvider()
            .GetRequiredService<IBugzilla>();

    [Fact]
    public async Task Comment_posted_in_one_run_is_seen_by_the_next_run()
    {
        var scenario = Path.Combine(_directory, "scenario.yaml");
        File.WriteAllText(scenario, """
            people: { jdoe: {}, reviewer: {} }
            bugzilla:
              bugs:
                - { id: 2300001, summary: "Review Request: perl-Foo - Foo", creator: jdoe, assigned_to: reviewer }
            """);
        var paths = new SandboxPaths(Path.Combine(_directory, "sandbox"));

        await using (var first = SandboxHost.Start(scenario, paths, fresh: true))
        {
            await Client(first).AddCommentAsync(2300001, "The Pagure repository was created at https://src.fedoraproject.org/rpms/perl-Foo");
        }
        await using var second = SandboxHost.Start(scenario, paths, fresh: false);

        var comments = await Client(second).GetCommentsAsync(2300001);

        Assert.False(second.Seeded);
        Assert.Equal([0, 1], comments.Select(c => c.Count));
        Assert.StartsWith("The Pagure repository was created at", comments[1].Text);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
