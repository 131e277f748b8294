using Releng.Jobs.Koji;
using Releng.Jobs.Sandbox.Koji;
using Releng.Jobs.Services;

namespace Releng.Jobs.Tests.Koji;

/// <summary>The client against the fake hub: exact request bodies and headers, and typed results.</summary>
public class KojiClientContractTests
{
    // The reference samples' test data, so the client's requests can be compared with what the real client sent.
    private const string SampleWorld = """
        koji:
          users: { kojiadmin: { password: kojipass, permissions: [admin] } }
          tags:
            f42:
              arches: x86_64 aarch64
              packages: { hello: {}, zlib-ng: {}, bash: {}, fedora-repos: {}, legacy-pkg: {}, Fedora-Cloud-Base: {}, Fedora-Cloud-Base-Generic: {} }
            f42-updates:
              arches: x86_64 aarch64
              inherits: [f42]
              packages: { hello: { extra_arches: noarch }, legacy-pkg: { blocked: true } }
            f42-updates-candidate: { inherits: [f42-updates] }
            f42-build: { arches: x86_64, inherits: [f42-updates] }
          builds:
            - { nvr: bash-5.2.37-1.fc42, tags: [f42, f42-updates], days_ago: 30 }
            - { nvr: fedora-repos-42-1.fc42, tags: [f42], days_ago: 29 }
            - { nvr: hello-2.12-1.fc42, tags: [f42, f42-updates], days_ago: 28 }
            - { nvr: hello-2.12-2.fc42, tags: [f42-updates], days_ago: 27 }
            - { nvr: zlib-ng-2.2.3-1.fc42, tags: [f42], days_ago: 26 }
            - nvr: Fedora-Cloud-Base-Generic-42-20251103.0
              type: image
              tags: [f42-updates]
              days_ago: 25
              archives:
                - { arch: x86_64, filename: Fedora-Cloud-Base-Generic-42-20251103.0.x86_64.qcow2, rpms: [bash-5.2.37-1.fc42, zlib-ng-2.2.3-1.fc42, hello-2.12-2.fc42] }
                - { arch: x86_64, filename: Fedora-Cloud-Base-Generic-42-20251103.0.x86_64.raw.xz, rpms: [bash-5.2.37-1.fc42, zlib-ng-2.2.3-1.fc42] }
            - { nvr: legacy-pkg-1.0-1.fc42, days_ago: 24 }
            - { nvr: hello-2.13-0.1.fc42, epoch: 1, days_ago: 23 }
            - { nvr: bash-5.3-0.1.fc42, state: failed, days_ago: 22 }
          targets: { f42-candidate: { build_tag: f42-build, dest_tag: f42-updates-candidate } }
          repos: { f42-build: { days_ago: 1 } }
        """;

    [Theory]
    [InlineData("05-listTagged-latest-inherit.req.xml")]
    [InlineData("07-getLatestBuilds.req.xml")]
    [InlineData("10-getBuild-nvr.req.xml")]
    [InlineData("12-getPackageConfig.req.xml")]
    [InlineData("15-listArchives-buildID.req.xml")]
    [InlineData("16-listRPMs-imageID.req.xml")]
    [InlineData("01-getAPIVersion.req.xml")]
    public async Task Requests_are_byte_for_byte_what_the_reference_client_sent(string sample)
    {
        using var hub = KojiStories.Start(SampleWorld);
        var client = hub.Koji;

        Task call = sample[..2] switch
        {
            "05" => client.ListTaggedAsync("f42-updates", new ListTaggedOptions { Inherit = true, Latest = true }),
            "07" => client.GetLatestBuildsAsync("f42-updates", package: "hello"),
            "10" => client.GetBuildAsync("hello-2.13-0.1.fc42"),
            "12" => client.GetPackageConfigAsync("f42-updates", "hello"),
            "15" => client.ListArchivesAsync(6),
            "16" => client.ListImageRpmsAsync(2),
            _ => client.CallAsync(KojiCall.Raw("getAPIVersion")),
        };
        await call;

        Assert.Equal(KojiSamples.Read(sample), hub.RequestBodies(ServiceName.Koji).Single());
    }

    [Fact]
    public async Task Reads_are_posted_as_text_xml_to_the_hub_url_without_session_headers()
    {
        using var hub = KojiStories.Start(SampleWorld);

        await hub.Koji.GetTagAsync("f42");

        var request = hub.Server(ServiceName.Koji).LogEntries.Single().RequestMessage;
        Assert.Equal("POST", request.Method);
        Assert.Equal("/kojihub", request.Path);
        Assert.StartsWith("text/xml", request.Headers!["Content-Type"].Single());
        Assert.DoesNotContain(request.Headers.Keys, key => key.StartsWith("Koji-Session", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Latest_build_is_the_most_recently_tagged_one_in_inheritance_order()
    {
        using var hub = KojiStories.Start(SampleWorld);

        var builds = await hub.Koji.ListTaggedAsync("f42-updates", new ListTaggedOptions { Inherit = true, Latest = true });

        // f42-updates' own rows first (newest tagging first), then f42's; legacy-pkg is blocked, hello-2.13 untagged.
        Assert.Equal(
            ["Fedora-Cloud-Base-Generic-42-20251103.0", "hello-2.12-2.fc42", "bash-5.2.37-1.fc42", "zlib-ng-2.2.3-1.fc42", "fedora-repos-42-1.fc42"],
            builds.Select(b => b.Nvr));
        Assert.All(builds, b => Assert.Equal(KojiBuildState.Complete, b.State));
        Assert.Equal("f42", builds[^1].TagName);
    }

    [Fact]
    public async Task A_package_config_is_inherited_and_says_where_it_comes_from()
    {
        using var hub = KojiStories.Start(SampleWorld);

        var configs = await hub.Koji.GetPackageConfigsAsync("f42-updates", ["hello", "legacy-pkg", "bash", "no-such-package"]);

        Assert.Equal(("f42-updates", false, "noarch"), (configs["hello"]!.TagName, configs["hello"]!.Blocked, configs["hello"]!.ExtraArches));
        Assert.True(configs["legacy-pkg"]!.Blocked);
        Assert.Equal("f42", configs["bash"]!.TagName);
        Assert.Null(configs["no-such-package"]);
        Assert.Equal(1, hub.Fake<KojiFake>().RequestCount);
    }

    [Fact]
    public async Task Image_components_are_read_from_archives_and_their_rpm_rows()
    {
        using var hub = KojiStories.Start(SampleWorld);
        var image = (await hub.Koji.GetLatestBuildsAsync("f42-updates", "Fedora-Cloud-Base-Generic", type: "image")).Single();

        var archives = await hub.Koji.ListArchivesAsync(image.Id, type: "image");
        var components = await hub.Koji.ListImageRpmsAsync(archives.Select(a => a.Id));

        Assert.All(archives, a => Assert.Equal("x86_64", a.Arch));
        var qcow2 = archives.Single(a => a.Filename.EndsWith(".qcow2", StringComparison.Ordinal));
        Assert.Equal(["bash", "zlib-ng", "hello"], components[qcow2.Id].Select(r => r.Name));
        Assert.All(components[qcow2.Id], rpm => Assert.False(rpm.IsExternal));
        var builds = await hub.Koji.GetBuildsAsync(components.Values.SelectMany(r => r).Select(r => r.BuildId!.Value));
        Assert.Contains(builds.Values, b => b!.Nvr == "hello-2.12-2.fc42");
    }

    [Fact]
    public async Task Batched_reads_for_200_packages_take_one_request_and_pass_the_event()
    {
        using var hub = KojiStories.Start(SampleWorld);
        var last = await hub.Koji.GetLastEventAsync();
        var packages = Enumerable.Range(0, 197).Select(i => $"pkg-{i}").Concat(["bash", "hello", "zlib-ng"]).ToList();

        var latest = await hub.Koji.GetLatestBuildPerPackageAsync("f42-updates", packages, atEvent: last.Id);

        Assert.Equal(2, hub.Fake<KojiFake>().RequestCount);
        Assert.Equal("hello-2.12-2.fc42", latest["hello"]!.Nvr);
        Assert.Null(latest["pkg-0"]);
        Assert.Contains($"<member><name>event</name><value><int>{last.Id}</int></value></member>", hub.RequestBodies(ServiceName.Koji)[1]);
        Assert.Contains("<methodName>system.multicall</methodName>", hub.RequestBodies(ServiceName.Koji)[1]);
    }

    [Fact]
    public async Task Batches_are_split_under_the_call_bound_and_keep_call_order()
    {
        using var hub = KojiStories.Start(SampleWorld, options: new KojiClientOptions { MaxCallsPerMultiCall = 7 });

        var results = await hub.Koji.MultiCallAsync(Enumerable.Range(1, 20).Select(KojiCalls.GetBuild));

        Assert.Equal(3, hub.Fake<KojiFake>().RequestCount);
        Assert.Equal([1, 2, 3, 4, 5, 6, 7, 8, 9], results.Where(r => r.Value is not null).Select(r => r.Value!.Id));
    }

    [Fact]
    public async Task A_multicall_reports_each_fault_with_its_call_and_keeps_the_others()
    {
        using var hub = KojiStories.Start(SampleWorld);

        var results = await hub.Koji.MultiCallAsync([
            KojiCall.Raw("getTag", ["f42"]),
            KojiCall.Raw("getBuild", ["nosuch-1-1"], new() { ["strict"] = true }),
            KojiCall.Raw("noSuchMethod"),
        ]);

        Assert.True(results[0].Succeeded);
        var missing = Assert.IsType<KojiGenericException>(results[1].Error);
        Assert.Equal(("getBuild", "No such build: 'nosuch-1-1'"), (missing.Method, missing.FaultString));
        Assert.Equal("Invalid method: noSuchMethod", results[2].Error!.FaultString);
        Assert.Throws<KojiGenericException>(() => results[2].Value);
    }

    [Fact]
    public async Task Times_are_sent_as_epoch_seconds_and_list_builds_filters_on_them()
    {
        using var hub = KojiStories.Start(SampleWorld);
        var clock = hub.World.Clock;

        var recent = await hub.Koji.ListBuildsAsync(new ListBuildsQuery
        {
            State = KojiBuildState.Complete, CompletedAfter = clock.AddDays(-24.5), Order = "-completion_time",
        });

        Assert.Equal(["hello-2.13-0.1.fc42", "legacy-pkg-1.0-1.fc42"], recent.Select(b => b.Nvr));
        Assert.Equal(1, recent[0].Epoch);
        Assert.Contains($"<member><name>completeAfter</name><value><double>", hub.RequestBodies(ServiceName.Koji).Single());
        Assert.DoesNotContain("dateTime", hub.RequestBodies(ServiceName.Koji).Single());
    }

    [Fact]
    public async Task Repo_min_event_says_whether_a_tag_change_has_reached_the_build_repo()
    {
        using var hub = KojiStories.Start(SampleWorld);
        var target = (await hub.Koji.GetBuildTargetAsync("f42-candidate"))!;
        var repo = (await hub.Koji.GetRepoAsync(target.BuildTagName))!;

        Assert.Equal(("f42-build", "f42-updates-candidate"), (target.BuildTagName, target.DestTagName));
        Assert.Equal(KojiRepoState.Ready, repo.State);
        Assert.NotNull(await hub.Koji.GetRepoAsync("f42-build", minEvent: repo.CreateEvent));
        Assert.Null(await hub.Koji.GetRepoAsync("f42-build", minEvent: repo.CreateEvent + 1));
    }

    [Fact]
    public async Task History_after_an_event_shows_what_was_tagged_since()
    {
        using var hub = KojiStories.Start(SampleWorld);
        var before = await hub.Koji.GetLastEventAsync(hub.World.Clock.AddDays(-26.5));

        var history = await hub.Koji.QueryHistoryAsync(new KojiHistoryQuery { Tables = ["tag_listing"], Tag = "f42", AfterEvent = before.Id });

        var row = Assert.Single(history["tag_listing"]);
        Assert.Equal(("zlib-ng", "f42", true), (row.PackageName, row.TagName, row.CreatedAfterEvent));
    }
}
