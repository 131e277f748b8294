using Releng.Jobs.Configuration;
using Releng.Jobs.Koji;
using Releng.Jobs.Planning;

namespace Releng.Jobs.BaseImage;

/// <summary>
/// Decides whether one container base image needs a rebuild and, with <c>--apply</c>, starts it. Every read is at
/// one Koji event and the number of hub requests does not grow with the image: event; one multicall for target,
/// tag, inheritance and unfinished tasks; image build, archives, then one multicall each for components, their
/// builds, the tag's latest builds, and (only when needed) package lists, untag history and the build repo's state.
/// See docs/jobs/base-image.md.
/// </summary>
public sealed class BaseImageRebuildJob(IKojiClient koji, BaseImageRebuildOptions settings, IRunLog? log = null) : IJob
{
    public string Subject => $"image:{settings.Image} ({settings.Tag})";

    public async Task<Plan> PlanAsync(CancellationToken cancellationToken)
    {
        var facts = await ReadFactsAsync(cancellationToken);
        var verdict = RebuildRule.Decide(facts);
        var evidence = Evidence(facts);
        var steps = verdict.Action == RebuildDecisionKinds.Rebuild
            ? [new Step($"start kiwiBuild {settings.Target} profile {settings.Profile} ({string.Join(" ", BuildArches(facts))})",
                ct => StartBuildAsync(facts, ct))]
            : Array.Empty<Step>();
        return new Plan(BaseImageRebuildDescriptor.Name, [new Decision(Subject, verdict.Action, verdict.Reason, evidence, steps)]);
    }

    public async Task<RebuildFacts> ReadFactsAsync(CancellationToken cancellationToken)
    {
        var lastEvent = await koji.GetLastEventAsync(cancellationToken: cancellationToken);
        var at = lastEvent.Id;
        var first = await koji.MultiCallAsync<object?>(
        [
            KojiCalls.GetBuildTarget(settings.Target, at).Untyped(),
            KojiCalls.GetTag(settings.Tag, at).Untyped(),
            KojiCalls.GetFullInheritance(settings.Tag, at).Untyped(),
            RunningTasksQuery.Untyped(),
        ], cancellationToken);
        var target = (KojiBuildTarget?)first[0].Value
            ?? throw new ParameterValueException("target", $"Koji has no build target '{settings.Target}' (image {settings.Image}, at event {at})");
        _ = (KojiTag?)first[1].Value
            ?? throw new ParameterValueException("tag", $"Koji has no tag '{settings.Tag}' (image {settings.Image}, at event {at})");
        var contentTags = new[] { settings.Tag }.Concat(((IReadOnlyList<KojiTagParent>)first[2].Value!).Select(p => p.Name)).ToList();
        var running = RunningTask((IReadOnlyList<KojiTaskInfo>)first[3].Value!);
        var image = (await koji.GetLatestBuildsAsync(target.DestTagName, settings.Image, "image", at, cancellationToken)).FirstOrDefault();
        ImageContents? contents = null;
        IReadOnlyList<ComponentChange> changes = [];
        BuildRepoState? repo = null;
        IReadOnlyList<string> buildTagArches = [];
        if (image is null)
        {
            // The first build: nothing to learn the arches from but the build tag.
            buildTagArches = (await koji.GetTagAsync(target.BuildTagName, at, cancellationToken))?.Arches ?? [];
        }
        else
        {
            contents = await new ImageContentsReader(koji).ReadAsync(image, cancellationToken);
            var latest = await koji.GetLatestBuildPerPackageAsync(settings.Tag, contents.Components.Keys, atEvent: at, cancellationToken: cancellationToken);
            var missing = latest.Where(l => l.Value is null).Select(l => l.Key).ToList();
            var configs = missing.Count == 0
                ? new Dictionary<string, KojiPackageConfig?>()
                : await koji.GetPackageConfigsAsync(settings.Tag, missing, at, cancellationToken);
            changes = RebuildRule.Compare(settings.Tag, contents.Components, latest, configs);
            changes = await WithUntagPlacesAsync(changes, contentTags, at, cancellationToken);
            if (changes.Count > 0)
            {
                repo = await new BuildRepoReader(koji).ReadAsync(target.BuildTagName, settings.Tag, contents.Components.Keys.ToList(), at, cancellationToken);
            }
        }
        return new RebuildFacts(settings.Image, settings.Tag, settings.Target, target.BuildTagName, target.DestTagName, at,
            contents, changes, settings.Force, repo, running, buildTagArches);
    }

    /// <summary>
    /// Where each untagged component was untagged (the content tag or one of its parents), from the build's tagging
    /// history: one multicall, only when a component has no build left.
    /// </summary>
    private async Task<IReadOnlyList<ComponentChange>> WithUntagPlacesAsync(
        IReadOnlyList<ComponentChange> changes, IReadOnlyList<string> contentTags, int at, CancellationToken cancellationToken)
    {
        var untagged = changes.Where(c => c.Kind == ComponentChangeKind.Untagged).ToList();
        if (untagged.Count == 0)
        {
            return changes;
        }
        var histories = await koji.MultiCallAsync(untagged.Select(c => KojiCalls.QueryHistory(new KojiHistoryQuery
        {
            Tables = ["tag_listing"],
            Build = c.InImage.Nvr,
            BeforeEvent = at + 1,
        })), cancellationToken);
        var places = untagged.Zip(histories).ToDictionary(pair => pair.First, pair => pair.Second.Value.Values.SelectMany(rows => rows)
            .Where(r => r.RevokeEvent is { } revoked && revoked <= at && r.TagName is { } tag && contentTags.Contains(tag))
            .OrderByDescending(r => r.RevokeEvent)
            .Select(r => r.TagName)
            .FirstOrDefault());
        return changes.Select(c => places.GetValueOrDefault(c) is { } tag ? c with { RemovedIn = tag } : c).ToList();
    }

    private static KojiCall<IReadOnlyList<KojiTaskInfo>> RunningTasksQuery =>
        KojiCalls.ListTasks(new KojiTaskQuery { Method = "kiwiBuild", States = KojiTaskQuery.ActiveStates });

    private KojiTaskInfo? RunningTask(IReadOnlyList<KojiTaskInfo> tasks) =>
        tasks.Where(t => t.KiwiTarget == settings.Target && (t.KiwiProfile is null || t.KiwiProfile == settings.Profile))
            .OrderBy(t => t.Id)
            .FirstOrDefault();

    private async Task<KojiTaskInfo?> FindRunningTaskAsync(CancellationToken cancellationToken) =>
        RunningTask(await koji.CallAsync(RunningTasksQuery, cancellationToken));

    private IReadOnlyList<string> BuildArches(RebuildFacts facts) =>
        settings.Arches.Count > 0 ? settings.Arches
        : facts.Contents is { Arches.Count: > 0 } contents ? contents.Arches
        : facts.BuildTagArches.Count > 0 ? facts.BuildTagArches
        : BaseImageRebuildOptions.FedoraArches;

    private async Task<StepResult> StartBuildAsync(RebuildFacts facts, CancellationToken cancellationToken)
    {
        // Another run, or the compose, may have started one since the plan was made.
        if (await FindRunningTaskAsync(cancellationToken) is { } running)
        {
            return StepResult.AlreadyDone($"kiwiBuild task {running.Id} is already running");
        }
        int taskId;
        await using (var session = await koji.LoginAsync(cancellationToken))
        {
            taskId = await session.KiwiBuildAsync(new KiwiBuildRequest
            {
                Target = settings.Target,
                Arches = BuildArches(facts),
                DescriptionUrl = settings.DescriptionUrl,
                DescriptionPath = settings.DescriptionPath,
                Profile = settings.Profile,
                Version = settings.Version,
            }, cancellationToken);
        }
        log?.Information($"{Subject}: started kiwiBuild task {taskId}");
        if (settings.WaitMinutes <= 0)
        {
            return StepResult.Done($"kiwiBuild task {taskId} started");
        }
        return await WaitAsync(taskId, cancellationToken);
    }

    private async Task<StepResult> WaitAsync(int taskId, CancellationToken cancellationToken)
    {
        // Waiting is wall time, not the job's clock: the sandbox's clock stands still.
        var deadline = DateTimeOffset.UtcNow.AddMinutes(settings.WaitMinutes);
        while (true)
        {
            var task = await koji.GetTaskInfoAsync(taskId, cancellationToken);
            switch (task?.State)
            {
                case KojiTaskState.Closed:
                    return StepResult.Done($"kiwiBuild task {taskId} finished");
                case KojiTaskState.Failed or KojiTaskState.Canceled:
                    throw new KojiException("kiwiBuild", $"kiwiBuild task {taskId} ended {task.State.ToString().ToLowerInvariant()}");
            }
            if (DateTimeOffset.UtcNow >= deadline)
            {
                return StepResult.Done($"kiwiBuild task {taskId} started; still running after {settings.WaitMinutes} min");
            }
            await Task.Delay(TimeSpan.FromSeconds(30), cancellationToken);
        }
    }

    private static IReadOnlyList<Evidence> Evidence(RebuildFacts facts)
    {
        var evidence = new List<Evidence>
        {
            new("koji event", facts.EventId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("target", $"{facts.Target} (build tag {facts.BuildTag}, destination {facts.DestTag})"),
        };
        if (facts.Contents is { } contents)
        {
            evidence.Add(new("image build", $"{contents.Image.Nvr} (build {contents.Image.Id}, completed {contents.Image.CompletionTime:yyyy-MM-dd HH:mm} UTC)"));
            evidence.Add(new("contents", $"{contents.Components.Count} source packages in {contents.Archives.Count} archives ({string.Join(" ", contents.Arches)})"
                + (contents.ExternalRpms > 0 ? $"; {contents.ExternalRpms} RPMs from external repos not compared" : "")));
        }
        foreach (var change in facts.Changes)
        {
            evidence.Add(new($"{change.Kind.ToString().ToLowerInvariant()} {change.Package}", change.Transition));
        }
        if (facts.BuildRepo is { } state)
        {
            evidence.Add(new("build repo", state.Repo is not { } repo
                ? $"{facts.BuildTag} has no ready repo"
                : state.IsCurrent
                    ? $"{facts.BuildTag} repo {repo.Id} (event {repo.CreateEvent}) holds the latest builds of {facts.Tag} at event {facts.EventId}"
                    : $"{facts.BuildTag} repo {repo.Id} (event {repo.CreateEvent}) lacks: {string.Join("; ", state.Lags)}"));
        }
        if (facts.Contents is null && facts.BuildTagArches.Count > 0)
        {
            evidence.Add(new("arches", $"{string.Join(" ", facts.BuildTagArches)} (from {facts.BuildTag})"));
        }
        if (facts.RunningTask is { } task)
        {
            evidence.Add(new("running task", $"kiwiBuild {task.Id} ({task.State.ToString().ToLowerInvariant()}" +
                (task.Owner is { } owner ? $", owner {task.OwnerName ?? $"user {owner}"}" : "") + ")"));
        }
        return evidence;
    }
}
