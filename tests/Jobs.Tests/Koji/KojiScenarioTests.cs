using Releng.Jobs.Configuration;
using Releng.Jobs.Koji;

namespace Releng.Jobs.Tests.Koji;

/// <summary>Hand-written <c>koji:</c> scenario sections seed a world the client reads back as a real hub would answer.</summary>
public class KojiScenarioTests
{
    private const string Example = """
        koji:
          tags:
            f44: { packages: { python-pyte: { blocked: true }, bash: {} } }
            f43-updates: { inherits: [f43] }
          builds:
            - { nvr: bash-5.2.37-1.fc44, tags: [f44], days_ago: 30 }
            - { nvr: bash-5.3-1.fc44, tags: [f44], days_ago: 40, tagged_days_ago: 35 }
            - { nvr: bash-5.3.1-1.fc44, state: failed, days_ago: 2 }
            - { nvr: shadow-utils-4.17-2.fc44, epoch: 2, tags: [f44], days_ago: 20 }
            - nvr: Fedora-Container-Base-Generic-44-20261120.0
              type: image
              tags: [f44]
              days_ago: 4
              archives:
                - { arch: x86_64, rpms: [bash-5.2.37-1.fc44, glibc-2.42-3.fc44] }
                - { arch: aarch64, rpms: [bash-5.2.37-1.fc44, shadow-utils-4.17-2.fc44] }
            - { nvr: Fedora-Container-Base-Generic-44-20261124.0, type: image, state: building, days_ago: 0 }
          targets: { f44-container: { build_tag: f44-build, dest_tag: f44 } }
          repos: { f44-build: { days_ago: 0 } }
          tasks: [ { method: kiwiBuild, target: f44-container, profile: Container-Base-Generic, state: open } ]
        """;

    [Fact]
    public async Task The_example_scenario_reads_back_like_a_hub()
    {
        using var hub = KojiStories.Start(Example);
        var client = hub.Koji;

        // Latest is the most recently tagged bash (5.2.37 tagged 30 days ago), not the higher 5.3 tagged 35 days ago.
        Assert.Equal("bash-5.2.37-1.fc44", (await client.GetLatestBuildsAsync("f44", "bash")).Single().Nvr);
        Assert.Equal(2, (await client.GetLatestBuildsAsync("f44", "shadow-utils")).Single().Epoch);
        Assert.Empty(await client.GetLatestBuildsAsync("f44", "python-pyte"));
        Assert.NotNull(await client.GetTagAsync("f43")); // named only as a parent, so created empty

        var image = (await client.GetLatestBuildsAsync("f44", "Fedora-Container-Base-Generic", type: "image")).Single();
        Assert.Equal("20261120.0", image.Release);
        var archives = await client.ListArchivesAsync(image.Id, type: "image");
        Assert.Equal(["x86_64", "aarch64"], archives.Select(a => a.Arch));
        Assert.Equal("Fedora-Container-Base-Generic-44-20261120.0.x86_64.oci.tar.xz", archives[0].Filename);
        var components = await client.ListImageRpmsAsync(archives.Select(a => a.Id));
        Assert.Equal(["bash", "glibc"], components[archives[0].Id].Select(r => r.Name));
        Assert.All(components[archives[1].Id], rpm => Assert.Equal("aarch64", rpm.Arch));
        var glibc = (await client.GetBuildAsync("glibc-2.42-3.fc44"))!;
        Assert.Empty(await client.GetLatestBuildsAsync("f44", "glibc"));
        Assert.Equal(KojiBuildState.Complete, glibc.State);

        var building = await client.ListBuildsAsync(new ListBuildsQuery { Type = "image", State = KojiBuildState.Building });
        Assert.Equal("Fedora-Container-Base-Generic-44-20261124.0", building.Single().Nvr);
        Assert.Equal("Container-Base-Generic", (await client.ListTasksAsync(new KojiTaskQuery { States = KojiTaskQuery.ActiveStates })).Single().KiwiProfile);
        Assert.NotNull(await client.GetRepoAsync("f44-build"));
        Assert.Equal("f44", (await client.GetBuildTargetAsync("f44-container"))!.DestTagName);
    }

    [Fact]
    public void A_typo_in_the_koji_section_is_a_configuration_error()
    {
        var error = Assert.Throws<ConfigurationException>(() => KojiStories.Start("""
            koji:
              builds:
                - { nvr: bash-5.2.37-1.fc44, tag: [f44] }
            """));

        Assert.Contains("tag", error.Message);
    }

    [Fact]
    public void An_unknown_build_state_is_a_configuration_error()
    {
        var error = Assert.Throws<ConfigurationException>(() => KojiStories.Start("""
            koji:
              builds: [ { nvr: bash-5.2.37-1.fc44, state: done } ]
            """));

        Assert.Contains("state must be", error.Message);
    }

    [Theory]
    [InlineData("  builds:\n    - { nvr: bash-5.2.37-1.fc44, state: done }\n", 3, 7, "state must be building")]
    [InlineData("  builds:\n    - { nvr: bash-1-1.fc44, type: module }\n", 3, 7, "type must be rpm or image")]
    [InlineData("  builds:\n    - { nvr: bash }\n", 3, 7, "'bash' is not a name-version-release")]
    [InlineData("  builds:\n    - { nvr: bash-1-1.fc44 }\n    - { nvr: bash-1-1.fc44, days_ago: 1 }\n", 4, 7, "is listed twice")]
    [InlineData("  tasks:\n    - { state: sleeping }\n", 3, 7, "task state must be")]
    [InlineData("  repos:\n    f44: { state: broken }\n", 3, 10, "repo state must be")]
    [InlineData("  builds:\n    - nvr: img-1-1\n      type: image\n      archives:\n        - { arch: x86_64, rpms: [nonvr] }\n", 6, 11,
        "'nonvr' is not a name-version-release")]
    public void What_the_hub_would_refuse_is_reported_at_its_entry_in_the_scenario(string section, int line, int column, string problem)
    {
        var error = Assert.Throws<ConfigurationException>(() => KojiStories.Start("koji:\n" + section));

        Assert.Equal((line, column), ((int)error.Line, (int)error.Column));
        Assert.EndsWith("scenario.yaml", error.File, StringComparison.Ordinal);
        Assert.Contains(problem, error.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("  builds:\n    - { days_ago: 1, tags: [f44] }\n")]
    [InlineData("  builds:\n    - days_ago: 1\n      tags: [f44]\n")]
    public void A_build_without_its_nvr_is_reported_at_the_build_that_lacks_it(string section)
    {
        var error = Assert.Throws<ConfigurationException>(() => KojiStories.Start("koji:\n" + section));

        Assert.Equal((3L, 7L), (error.Line, error.Column));
        Assert.Contains("missing required key", error.Problem, StringComparison.Ordinal);
        Assert.Contains("nvr", error.Problem, StringComparison.Ordinal);
    }
}
