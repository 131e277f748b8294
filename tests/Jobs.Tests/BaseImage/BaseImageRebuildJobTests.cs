using Releng.Jobs.BaseImage;
using Releng.Jobs.Bodhi;
using Releng.Jobs.Tests.Bodhi;
using Releng.Jobs.Planning;
using Releng.Jobs.Sandbox.Koji;
using Releng.Jobs.Tests.Koji;
using Releng.Jobs.Tests.Sandbox;

namespace Releng.Jobs.Tests.BaseImage;

/// <summary>The rebuild job against the fake Koji hub, through the production client.</summary>
public class BaseImageRebuildJobTests
{
    private static BaseImageRebuildOptions Settings(bool force = false) => new(
        "Fedora-Container-Base-Generic", "f44", "f44-container", "44", force, "Container-Base-Generic",
        "git+https://pagure.io/fedora-kiwi-descriptions.git#rawhide", "Fedora.kiwi", [], 0);

    private static async Task<Decision> PlanAsync(TestSandbox hub, BaseImageRebuildOptions? settings = null)
    {
        var plan = await new BaseImageRebuildJob(hub.Koji, settings ?? Settings()).PlanAsync(CancellationToken.None);
        return Assert.Single(plan.Decisions);
    }

    [Fact]
    public async Task An_image_whose_packages_are_all_current_is_skipped_and_says_so()
    {
        using var hub = KojiStories.Start(RebuildStory.Yaml(5));

        var decision = await PlanAsync(hub);

        Assert.Equal("image:Fedora-Container-Base-Generic (f44)", decision.Subject);
        Assert.Equal(RebuildDecisionKinds.Skip, decision.Action);
        Assert.Contains("all 5 packages", decision.Reason);
        Assert.Empty(decision.Steps);
    }

    [Fact]
    public async Task A_package_updated_on_one_arch_only_of_a_four_arch_image_triggers_the_rebuild()
    {
        // grub2 is only in the x86_64 and aarch64 archives; noarch tzdata is in all four and counts once.
        using var hub = KojiStories.Start(RebuildStory.Yaml(3,
            extraBuilds:
            [
                "{ nvr: grub2-2.12-29.fc44, tags: [f44], days_ago: 15, arches: [x86_64, aarch64] }",
                "{ nvr: tzdata-2025c-1.fc44, tags: [f44], days_ago: 15, arches: [noarch] }",
                "{ nvr: grub2-2.12-30.fc44, tags: [f44], days_ago: 0.5, arches: [x86_64, aarch64] }",
            ],
            archiveExtras: arch => arch is "x86_64" or "aarch64" ? ["grub2-2.12-29.fc44", "tzdata-2025c-1.fc44"] : ["tzdata-2025c-1.fc44"]));

        var decision = await PlanAsync(hub);

        Assert.Equal(RebuildDecisionKinds.Rebuild, decision.Action);
        Assert.Contains("1 package changed", decision.Reason);
        Assert.Contains("grub2 2.12-29.fc44 → 2.12-30.fc44", decision.Reason);
        Assert.Contains(decision.Evidence, e => e.Value.StartsWith("5 source packages in 4 archives", StringComparison.Ordinal));
        Assert.Single(decision.Steps);
    }

    [Fact]
    public async Task A_package_in_the_image_but_blocked_in_the_tag_triggers_the_rebuild()
    {
        using var hub = KojiStories.Start(RebuildStory.Yaml(3, packageList: "python-pyte: { blocked: true }",
            extraBuilds: ["{ nvr: python-pyte-0.8.2-4.fc44, days_ago: 30 }"],
            archiveExtras: _ => ["python-pyte-0.8.2-4.fc44"]));

        var decision = await PlanAsync(hub);

        Assert.Equal(RebuildDecisionKinds.Rebuild, decision.Action);
        Assert.Contains("python-pyte 0.8.2-4.fc44 → blocked in f44", decision.Reason);
    }

    [Fact]
    public async Task A_change_newer_than_the_build_tag_repo_waits_for_the_next_run()
    {
        using var hub = KojiStories.Start(RebuildStory.Yaml(3, repoDaysAgo: 0.6,
            extraBuilds: ["{ nvr: pkg-001-1.0-2.fc44, tags: [f44], days_ago: 0.5 }"]));

        var decision = await PlanAsync(hub);

        Assert.Equal(RebuildDecisionKinds.WaitForRepo, decision.Action);
        Assert.Contains("pkg-001 1.0-1.fc44 → 1.0-2.fc44", decision.Reason);
        Assert.Empty(decision.Steps);
    }

    [Fact]
    public async Task The_number_of_koji_requests_does_not_grow_with_the_image()
    {
        static string[] Updates(int packages) => Enumerable.Range(0, packages / 2).Select(i => $"{{ nvr: pkg-{i:D3}-1.0-2.fc44, tags: [f44], days_ago: 0.5 }}").ToArray();
        using var small = KojiStories.Start(RebuildStory.Yaml(10, Updates(10), packageList: "", archiveExtras: _ => ["gone-1-1.fc44"]));
        using var large = KojiStories.Start(RebuildStory.Yaml(200, Updates(200), packageList: "", archiveExtras: _ => ["gone-1-1.fc44"]));

        var smallDecision = await PlanAsync(small);
        var largeDecision = await PlanAsync(large);

        Assert.Equal(RebuildDecisionKinds.Rebuild, smallDecision.Action);
        Assert.Equal(RebuildDecisionKinds.Rebuild, largeDecision.Action);
        Assert.Contains("101 packages changed", largeDecision.Reason);
        Assert.Equal(small.Fake<KojiFake>().RequestCount, large.Fake<KojiFake>().RequestCount);
        Assert.InRange(large.Fake<KojiFake>().RequestCount, 1, 12);
    }

    [Fact]
    public async Task Apply_starts_one_kiwi_build_and_the_next_run_sees_it_running()
    {
        using var hub = KojiStories.Start(RebuildStory.Yaml(3, extraBuilds: ["{ nvr: pkg-002-1.0-2.fc44, tags: [f44], days_ago: 0.5 }"]),
            KojiStories.Password("releng-bot", "sandbox"));
        var decision = await PlanAsync(hub);

        var result = await decision.Steps.Single().Run(CancellationToken.None);
        var again = await decision.Steps.Single().Run(CancellationToken.None);
        var next = await PlanAsync(hub);

        Assert.Equal(StepStatus.Done, result.Status);
        Assert.Equal(StepStatus.AlreadyDone, again.Status);
        Assert.Equal(RebuildDecisionKinds.AlreadyBuilding, next.Action);
        var task = Assert.Single(hub.World.Koji.Tasks);
        Assert.Contains("Container-Base-Generic", task.RequestXml);
        Assert.Contains("f44-container", task.RequestXml);
    }

    [Fact]
    public async Task Force_rebuilds_an_unchanged_image()
    {
        using var hub = KojiStories.Start(RebuildStory.Yaml(3));

        var decision = await PlanAsync(hub, Settings(force: true));

        Assert.Equal(RebuildDecisionKinds.Rebuild, decision.Action);
        Assert.StartsWith("forced", decision.Reason);
    }

    [Fact]
    public async Task An_image_with_no_build_yet_gets_its_first()
    {
        using var hub = KojiStories.Start("""
            koji:
              tags: { f44: {} }
              targets: { f44-container: { build_tag: f44-build, dest_tag: f44-updates-candidate } }
            """);

        var decision = await PlanAsync(hub);

        Assert.Equal(RebuildDecisionKinds.Rebuild, decision.Action);
        Assert.Contains("no complete image build", decision.Reason);
    }

    [Fact]
    public async Task A_repo_made_while_a_bad_update_was_tagged_is_not_used_after_the_update_is_untagged()
    {
        // pkg-001's bad update is tagged, the repo is made, the update is untagged again (the latest equals the
        // image's build), and pkg-002 is updated: the repo has pkg-002 but still the bad pkg-001.
        using var hub = KojiStories.Start(RebuildStory.Yaml(3, repoDaysAgo: 2, extraBuilds:
        [
            "{ nvr: pkg-001-1.0-2.fc44, tags: [f44], days_ago: 3 }",
            "{ nvr: pkg-002-1.0-2.fc44, tags: [f44], days_ago: 2.5 }",
        ]));
        Untag(hub, "pkg-001-1.0-2.fc44", "f44", daysAgo: 1);

        var decision = await PlanAsync(hub);

        Assert.Equal(RebuildDecisionKinds.WaitForRepo, decision.Action);
        Assert.Contains("pkg-002 1.0-1.fc44 → 1.0-2.fc44", decision.Reason);
        Assert.Contains("pkg-001 1.0-2.fc44 untagged from f44", decision.Reason);
        Assert.Empty(decision.Steps);
    }

    [Fact]
    public async Task A_repo_that_still_offers_a_package_which_left_the_tag_is_waited_for()
    {
        using var hub = KojiStories.Start(RebuildStory.Yaml(3, repoDaysAgo: 2, extraBuilds:
        [
            "{ nvr: leftover-1.0-1.fc44, tags: [f44], days_ago: 9 }",
            "{ nvr: pkg-002-1.0-2.fc44, tags: [f44], days_ago: 2.5 }",
        ]));
        Untag(hub, "leftover-1.0-1.fc44", "f44", daysAgo: 1);

        var decision = await PlanAsync(hub);

        Assert.Equal(RebuildDecisionKinds.WaitForRepo, decision.Action);
        Assert.Contains("leftover left the tag: 1.0-1.fc44 untagged from f44", decision.Reason);
    }

    [Fact]
    public async Task A_repo_made_after_every_change_of_the_image_packages_is_used()
    {
        using var hub = KojiStories.Start(RebuildStory.Yaml(3, repoDaysAgo: 0.5, extraBuilds:
        [
            "{ nvr: pkg-001-1.0-2.fc44, tags: [f44], days_ago: 3 }",
            "{ nvr: pkg-002-1.0-2.fc44, tags: [f44], days_ago: 2.5 }",
        ]));
        Untag(hub, "pkg-001-1.0-2.fc44", "f44", daysAgo: 1);
        hub.World.Koji.Repos.Single().CreateEvent = hub.World.Koji.NewEvent(hub.World.Clock.AddHours(-1));

        var decision = await PlanAsync(hub);

        Assert.Equal(RebuildDecisionKinds.Rebuild, decision.Action);
        Assert.Contains(decision.Evidence, e => e.Fact == "build repo" && e.Value.Contains("holds the latest builds of f44", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Force_builds_now_even_when_the_repo_lags_and_says_so()
    {
        using var hub = KojiStories.Start(RebuildStory.Yaml(3, repoDaysAgo: 0.6,
            extraBuilds: ["{ nvr: pkg-001-1.0-2.fc44, tags: [f44], days_ago: 0.5 }"]));

        var decision = await PlanAsync(hub, Settings(force: true));

        Assert.Equal(RebuildDecisionKinds.Rebuild, decision.Action);
        Assert.StartsWith("forced; ", decision.Reason);
        Assert.Contains("pkg-001 1.0-1.fc44 → 1.0-2.fc44", decision.Reason);
        Assert.Contains("lacks what happened up to event", decision.Reason);
        Assert.Single(decision.Steps);
    }

    [Fact]
    public async Task An_untagged_component_names_the_parent_tag_it_was_untagged_from()
    {
        using var hub = KojiStories.Start(RebuildStory.Yaml(3, archiveExtras: _ => ["compat-1.0-1.fc44"],
            extraBuilds: ["{ nvr: compat-1.0-1.fc44, tags: [f44], days_ago: 9 }"]).Replace(
            "    f44-build: { inherits: [f44] }", "    f44-updates: { inherits: [f44] }\n    f44-build: { inherits: [f44-updates] }", StringComparison.Ordinal));
        Untag(hub, "compat-1.0-1.fc44", "f44", daysAgo: 1);

        var plan = await new BaseImageRebuildJob(hub.Koji, Settings() with { Tag = "f44-updates" }).PlanAsync(CancellationToken.None);

        Assert.Contains("compat 1.0-1.fc44 → untagged from f44 (inherited by f44-updates)", Assert.Single(plan.Decisions).Reason);
    }

    [Theory]
    [InlineData("tag")]
    [InlineData("target")]
    public async Task A_tag_or_target_koji_does_not_have_is_a_configuration_error_naming_the_parameter(string parameter)
    {
        using var hub = KojiStories.Start(RebuildStory.Yaml(3));
        var settings = parameter == "tag" ? Settings() with { Tag = "f99" } : Settings() with { Target = "f99-container" };

        var error = await Assert.ThrowsAsync<Releng.Jobs.Configuration.ParameterValueException>(() => PlanAsync(hub, settings));

        Assert.Equal(parameter, error.Parameter);
        Assert.Contains(parameter == "tag" ? "no tag 'f99'" : "no build target 'f99-container'", error.Problem);
    }

    [Fact]
    public async Task The_first_build_asks_for_the_build_tags_arches()
    {
        using var hub = KojiStories.Start("""
            koji:
              tags: { f44-build: { arches: x86_64 aarch64 } }
              targets: { f44-container: { build_tag: f44-build, dest_tag: f44-updates-candidate } }
            """.Replace("tags: {", "tags: { f44: {}, ", StringComparison.Ordinal));

        var decision = await PlanAsync(hub);

        Assert.Equal(RebuildDecisionKinds.Rebuild, decision.Action);
        Assert.EndsWith("(x86_64 aarch64)", Assert.Single(decision.Steps).Name);
    }

    [Theory]
    [InlineData("first build", 4)]
    [InlineData("unchanged", 7)]
    [InlineData("changed, repo current", 8)]
    [InlineData("changed, repo older than the event", 9)]
    [InlineData("wait-for-repo with a removal", 12)]
    public async Task Koji_requests_per_plan_are_the_documented_counts(string situation, int requests)
    {
        using var hub = KojiStories.Start(situation switch
        {
            "first build" => """
                koji:
                  tags: { f44: {}, f44-build: { arches: x86_64 aarch64 } }
                  targets: { f44-container: { build_tag: f44-build, dest_tag: f44-updates-candidate } }
                """,
            "unchanged" => RebuildStory.Yaml(20),
            "changed, repo current" => RebuildStory.Yaml(20, repoDaysAgo: 0, extraBuilds: ["{ nvr: pkg-001-1.0-2.fc44, tags: [f44], days_ago: 0.5 }"]),
            "changed, repo older than the event" => RebuildStory.Yaml(20, repoDaysAgo: 0.4,
                extraBuilds: ["{ nvr: pkg-001-1.0-2.fc44, tags: [f44], days_ago: 0.5 }", "{ nvr: unrelated-1-1.fc44, tags: [f44], days_ago: 0.3 }"]),
            _ => RebuildStory.Yaml(20, repoDaysAgo: 2, archiveExtras: _ => ["gone-1-1.fc44"], extraBuilds:
                ["{ nvr: gone-1-1.fc44, tags: [f44], days_ago: 9 }", "{ nvr: leftover-1-1.fc44, tags: [f44], days_ago: 9 }"]),
        });
        if (situation == "wait-for-repo with a removal")
        {
            Untag(hub, "gone-1-1.fc44", "f44", daysAgo: 1);
            Untag(hub, "leftover-1-1.fc44", "f44", daysAgo: 1);
        }
        var before = hub.Fake<KojiFake>().RequestCount;

        await PlanAsync(hub);

        Assert.Equal(requests, hub.Fake<KojiFake>().RequestCount - before);
    }

    /// <summary>Untags a build at a later event than everything the scenario made.</summary>
    private static void Untag(TestSandbox hub, string nvr, string tag, double daysAgo)
    {
        var koji = hub.World.Koji;
        var build = koji.Builds.Single(b => b.Nvr == nvr);
        var tagging = koji.Taggings.Single(t => t.BuildId == build.Id && t.TagId == koji.FindTag(tag)!.Id && t.RevokeEvent is null);
        tagging.RevokeEvent = koji.NewEvent(hub.World.Clock.AddDays(-daysAgo));
        tagging.RevokerId = tagging.CreatorId;
    }

    [Fact]
    public async Task Release_names_resolve_from_bodhi_and_the_plan_shows_what_they_became()
    {
        using var hub = KojiStories.Start(RebuildStory.Yaml(3).Replace("f44", "f46", StringComparison.Ordinal));
        var bodhi = new FixedBodhi(ReleaseNamesTests.AfterF45);
        var settings = Settings() with { Tag = "{rawhide}", Target = "{rawhide}-container", Release = "{rawhide.version}" };

        var plan = await new BaseImageRebuildJob(hub.Koji, settings, releaseNames: new ReleaseNameResolver(bodhi)).PlanAsync(CancellationToken.None);

        var decision = Assert.Single(plan.Decisions);
        Assert.Equal("image:Fedora-Container-Base-Generic (f46)", decision.Subject);
        Assert.Equal(RebuildDecisionKinds.Skip, decision.Action);
        Assert.Contains(decision.Evidence, e => e.Fact == "release names"
            && e.Value == "{rawhide} → f46 (F46, pending); {rawhide.version} → 46 (F46, pending)");
        Assert.Equal(1, bodhi.Calls);
    }

    [Fact]
    public async Task A_release_name_that_stands_for_nothing_now_is_a_clear_skip_without_asking_koji()
    {
        using var hub = KojiStories.Start(RebuildStory.Yaml(3));
        var settings = Settings() with { Tag = "{branched}", Target = "{branched}-container", Release = "{branched.version}" };

        var plan = await new BaseImageRebuildJob(hub.Koji, settings, releaseNames: new ReleaseNameResolver(new FixedBodhi(ReleaseNamesTests.AfterF45)))
            .PlanAsync(CancellationToken.None);

        var decision = Assert.Single(plan.Decisions);
        Assert.Equal(RebuildDecisionKinds.Skip, decision.Action);
        Assert.StartsWith("{branched} stands for no Fedora release in Bodhi now", decision.Reason);
        Assert.Equal(0, hub.Fake<KojiFake>().RequestCount);
    }
}
