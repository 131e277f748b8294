using Releng.Jobs.BaseImage;
using Releng.Jobs.Koji;

namespace Releng.Jobs.Tests.BaseImage;

public class RebuildRuleTests
{
    private static int _nextId = 1000;

    private static KojiBuild Build(string nvr, int? epoch = null, int? id = null)
    {
        var release = nvr[(nvr.LastIndexOf('-') + 1)..];
        var rest = nvr[..nvr.LastIndexOf('-')];
        var version = rest[(rest.LastIndexOf('-') + 1)..];
        return new KojiBuild
        {
            Id = id ?? Interlocked.Increment(ref _nextId), Nvr = nvr, Name = rest[..rest.LastIndexOf('-')],
            Version = version, Release = release, Epoch = epoch, State = KojiBuildState.Complete,
        };
    }

    private static Dictionary<string, IReadOnlyList<KojiBuild>> Image(params KojiBuild[] builds) =>
        builds.GroupBy(b => b.Name).ToDictionary(g => g.Key, g => (IReadOnlyList<KojiBuild>)g.ToList());

    private static Dictionary<string, KojiBuild?> Latest(params KojiBuild[] builds) => builds.ToDictionary(b => b.Name, b => (KojiBuild?)b);

    private static readonly Dictionary<string, KojiPackageConfig?> NoConfigs = [];

    [Fact]
    public void Image_whose_builds_are_all_the_latest_in_the_tag_has_no_change()
    {
        var bash = Build("bash-5.2.37-1.fc44");
        var glibc = Build("glibc-2.42-3.fc44");

        var changes = RebuildRule.Compare("f44", Image(bash, glibc), Latest(bash, glibc), NoConfigs);

        Assert.Empty(changes);
    }

    [Fact]
    public void A_newer_build_in_the_tag_is_a_change_named_old_to_new()
    {
        var old = Build("bash-5.2.37-1.fc44");
        var updated = Build("bash-5.2.37-2.fc44");

        var change = Assert.Single(RebuildRule.Compare("f44", Image(old), Latest(updated), NoConfigs));

        Assert.Equal(ComponentChangeKind.Updated, change.Kind);
        Assert.Equal("bash 5.2.37-1.fc44 → 5.2.37-2.fc44", change.ToString());
    }

    [Fact]
    public void An_older_build_tagged_again_after_a_bad_update_is_a_change()
    {
        // Koji's latest is the most recently tagged build: the image holds the bad update the repo no longer ships.
        var bad = Build("openssl-3.5.1-1.fc44");
        var retagged = Build("openssl-3.5.0-4.fc44");

        var change = Assert.Single(RebuildRule.Compare("f44", Image(bad), Latest(retagged), NoConfigs));

        Assert.Equal("openssl 3.5.1-1.fc44 → 3.5.0-4.fc44", change.ToString());
    }

    [Fact]
    public void An_epoch_bump_with_a_lower_version_is_a_change_shown_with_its_epoch()
    {
        var before = Build("shadow-utils-4.18.0-3.fc44", epoch: 2);
        var after = Build("shadow-utils-4.17.0-1.fc44", epoch: 3);

        var change = Assert.Single(RebuildRule.Compare("f44", Image(before), Latest(after), NoConfigs));

        Assert.Equal("shadow-utils 2:4.18.0-3.fc44 → 3:4.17.0-1.fc44", change.ToString());
    }

    [Fact]
    public void The_same_build_read_with_no_epoch_and_with_epoch_0_is_no_change()
    {
        var inImage = Build("tzdata-2025c-1.fc44", epoch: null, id: 42);
        var inTag = inImage with { Epoch = 0 };

        Assert.Empty(RebuildRule.Compare("f44", Image(inImage), Latest(inTag), NoConfigs));
        Assert.Equal("2025c-1.fc44", ComponentChange.Evr(inTag));
    }

    [Fact]
    public void A_package_in_the_image_but_blocked_in_the_tag_is_a_change()
    {
        var pyte = Build("python-pyte-0.8.2-4.fc44");
        var latest = new Dictionary<string, KojiBuild?> { ["python-pyte"] = null };
        var configs = new Dictionary<string, KojiPackageConfig?>
        {
            ["python-pyte"] = new() { PackageId = 7, PackageName = "python-pyte", TagId = 1, TagName = "f44", Blocked = true },
        };

        var change = Assert.Single(RebuildRule.Compare("f44", Image(pyte), latest, configs));

        Assert.Equal(ComponentChangeKind.Blocked, change.Kind);
        Assert.Equal("python-pyte 0.8.2-4.fc44 → blocked in f44", change.ToString());
    }

    [Fact]
    public void A_package_with_no_build_left_in_the_tag_is_an_untagged_change()
    {
        var compat = Build("libxcrypt-compat-4.4.38-2.fc44");
        var latest = new Dictionary<string, KojiBuild?> { ["libxcrypt-compat"] = null };

        var change = Assert.Single(RebuildRule.Compare("f44", Image(compat), latest, NoConfigs));

        Assert.Equal(ComponentChangeKind.Untagged, change.Kind);
    }

    [Fact]
    public void A_package_whose_arches_came_from_two_builds_changes_when_either_is_not_the_latest()
    {
        var latest = Build("grub2-2.12-30.fc44");
        var stale = Build("grub2-2.12-29.fc44");

        var change = Assert.Single(RebuildRule.Compare("f44", Image(latest, stale), Latest(latest), NoConfigs));

        Assert.Same(stale, change.InImage);
    }

    private static RebuildFacts Facts(IReadOnlyList<ComponentChange> changes, bool force = false, BuildRepoState? repo = null,
        KojiTaskInfo? task = null)
    {
        var image = Build("Fedora-Container-Base-Generic-44-20261123.0");
        var bash = Build("bash-5.2.37-1.fc44");
        var contents = new ImageContents(image, [], Image(bash), 0);
        return new RebuildFacts("Fedora-Container-Base-Generic", "f44", "f44-container", "f44-build", "f44-updates-candidate", 900,
            contents, changes, force, repo, task, []);
    }

    private static BuildRepoState CurrentRepo => new(new KojiRepo { Id = 5, CreateEvent = 890 }, []);

    private static BuildRepoState StaleRepo => new(new KojiRepo { Id = 5, CreateEvent = 870 },
        [new RepoLag("bash", "5.2.37-2.fc44 tagged in", "f44", 880)]);

    private static ComponentChange BashUpdate => new("bash", ComponentChangeKind.Updated, Build("bash-5.2.37-1.fc44"), Build("bash-5.2.37-2.fc44"), "f44");

    [Fact]
    public void No_change_is_a_skip_and_force_rebuilds_anyway()
    {
        Assert.Equal(RebuildDecisionKinds.Skip, RebuildRule.Decide(Facts([])).Action);
        var forced = RebuildRule.Decide(Facts([], force: true));
        Assert.Equal(RebuildDecisionKinds.Rebuild, forced.Action);
        Assert.StartsWith("forced", forced.Reason);
    }

    [Fact]
    public void A_change_the_build_tag_repo_already_has_is_a_rebuild_that_names_the_package_and_event()
    {
        var verdict = RebuildRule.Decide(Facts([BashUpdate], repo: CurrentRepo));

        Assert.Equal(RebuildDecisionKinds.Rebuild, verdict.Action);
        Assert.Contains("bash 5.2.37-1.fc44 → 5.2.37-2.fc44", verdict.Reason);
        Assert.Contains("event 900", verdict.Reason);
    }

    [Fact]
    public void A_change_newer_than_the_build_tag_repo_waits_for_the_next_run()
    {
        var verdict = RebuildRule.Decide(Facts([BashUpdate], repo: StaleRepo));

        Assert.Equal(RebuildDecisionKinds.WaitForRepo, verdict.Action);
        Assert.Contains("repo 5 (event 870) lacks what happened up to event 880: bash 5.2.37-2.fc44 tagged in f44 at event 880", verdict.Reason);
    }

    [Fact]
    public void Force_overrides_wait_for_repo_and_says_what_the_repo_lacks()
    {
        // A security fix must be able to go out now; the reason keeps the lag on record.
        var verdict = RebuildRule.Decide(Facts([BashUpdate], force: true, repo: StaleRepo));

        Assert.Equal(RebuildDecisionKinds.Rebuild, verdict.Action);
        Assert.StartsWith("forced; ", verdict.Reason);
        Assert.Contains("lacks what happened up to event 880", verdict.Reason);
    }

    [Fact]
    public void A_build_tag_without_any_ready_repo_waits()
    {
        var verdict = RebuildRule.Decide(Facts([BashUpdate], repo: new BuildRepoState(null, [])));

        Assert.Equal(RebuildDecisionKinds.WaitForRepo, verdict.Action);
        Assert.Contains("f44-build has no ready repo", verdict.Reason);
    }

    [Fact]
    public void A_queued_kiwi_task_is_described_as_waiting_with_its_queue_time_not_as_started()
    {
        var task = new KojiTaskInfo
        {
            Id = 78, Method = "kiwiBuild", State = KojiTaskState.Free, CreateTime = new DateTimeOffset(2026, 11, 24, 5, 30, 0, TimeSpan.Zero),
        };

        var verdict = RebuildRule.Decide(Facts([], task: task));

        Assert.Equal(RebuildDecisionKinds.AlreadyBuilding, verdict.Action);
        Assert.Contains("is waiting for a builder (queued 2026-11-24 05:30 UTC)", verdict.Reason);
        Assert.DoesNotContain("started", verdict.Reason);
    }

    [Fact]
    public void A_package_untagged_in_a_parent_tag_names_the_parent()
    {
        var change = new ComponentChange("compat", ComponentChangeKind.Untagged, Build("compat-1-1.fc43"), null, "f43-updates", RemovedIn: "f43");

        Assert.Equal("compat 1-1.fc43 → untagged from f43 (inherited by f43-updates)", change.ToString());
        Assert.Equal("compat 1-1.fc43 → no build left in f43-updates", (change with { RemovedIn = null }).ToString());
    }

    [Fact]
    public void A_running_kiwi_build_for_the_image_means_no_second_one_even_when_forced()
    {
        var task = new KojiTaskInfo { Id = 77, Method = "kiwiBuild", State = KojiTaskState.Open };

        var verdict = RebuildRule.Decide(Facts([BashUpdate], force: true, repo: CurrentRepo, task: task));

        Assert.Equal(RebuildDecisionKinds.AlreadyBuilding, verdict.Action);
        Assert.Contains("77", verdict.Reason);
    }
}
