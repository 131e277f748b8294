using Releng.Jobs.Configuration;
using Releng.Jobs.Koji;
using Releng.Jobs.Planning;

namespace Releng.Jobs.BaseImage;

/// <summary>
/// Decides whether one container base image needs a rebuild and, with <c>--apply</c>, starts it. Every read is at
/// one Koji event and the number of hub requests does not grow with the image: event, target, running tasks, image
/// build, archives, then one multicall each for components, their builds, the tag's latest builds, and (only when
/// needed) package lists, history and repos. See docs/jobs/base-image.md.
/// </summary>
public sealed class BaseImageRebuildJob(IKojiClient koji, RebuildSettings settings, IRunLog? log = null) : IJob
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
        return new Plan("base-image-rebuild", [new Decision(Subject, verdict.Action, verdict.Reason, evidence, steps)]);
    }

    public async Task<RebuildFacts> ReadFactsAsync(CancellationToken cancellationToken)
    {
        var lastEvent = await koji.GetLastEventAsync(cancellationToken: cancellationToken);
        var at = lastEvent.Id;
        var target = await koji.GetBuildTargetAsync(settings.Target, at, cancellationToken)
            ?? throw new ConfigurationException("jobs.yaml", 0, 0, $"Koji has no build target '{settings.Target}' (image {settings.Image})");
        var running = await FindRunningTaskAsync(cancellationToken);
        var image = (await koji.GetLatestBuildsAsync(target.DestTagName, settings.Image, "image", at, cancellationToken)).FirstOrDefault();
        ImageContents? contents = null;
        IReadOnlyList<ComponentChange> changes = [];
        int? requiredEvent = null;
        KojiRepo? repo = null, newestRepo = null;
        if (image is not null)
        {
            contents = await new ImageContentsReader(koji).ReadAsync(image, cancellationToken);
            var latest = await koji.GetLatestBuildPerPackageAsync(settings.Tag, contents.Components.Keys, atEvent: at, cancellationToken: cancellationToken);
            var missing = latest.Where(l => l.Value is null).Select(l => l.Key).ToList();
            var configs = missing.Count == 0
                ? new Dictionary<string, KojiPackageConfig?>()
                : await koji.GetPackageConfigsAsync(settings.Tag, missing, at, cancellationToken);
            changes = RebuildRule.Compare(settings.Tag, contents.Components, latest, configs);
            if (changes.Count > 0)
            {
                requiredEvent = await ChangeEventAsync(changes, image, at, cancellationToken);
                repo = await koji.GetRepoAsync(target.BuildTagName, requiredEvent, cancellationToken);
                newestRepo = repo ?? await koji.GetRepoAsync(target.BuildTagName, cancellationToken: cancellationToken);
            }
        }
        return new RebuildFacts(settings.Image, settings.Tag, settings.Target, target.BuildTagName, target.DestTagName, at,
            contents, changes, settings.Force, requiredEvent, repo, newestRepo, running);
    }

    /// <summary>
    /// The event a repo must include for the build to see every change: when each new build was tagged, and when each
    /// removed build was untagged or its package blocked (from the history, one multicall for all of them).
    /// </summary>
    private async Task<int> ChangeEventAsync(IReadOnlyList<ComponentChange> changes, KojiBuild image, int at, CancellationToken cancellationToken)
    {
        var events = changes.Where(c => c.Latest is not null).Select(c => c.Latest!.TaggedEventId ?? at).ToList();
        var removed = changes.Where(c => c.Latest is null).ToList();
        if (removed.Count > 0)
        {
            var histories = await koji.MultiCallAsync(removed.Select(c => KojiCalls.QueryHistory(new KojiHistoryQuery
            {
                Tables = ["tag_listing", "tag_packages"],
                Package = c.Package,
                BeforeEvent = at + 1,
            })), cancellationToken);
            foreach (var (change, history) in removed.Zip(histories))
            {
                var rows = history.Value.Values.SelectMany(r => r).ToList();
                var removal = rows
                    .Where(r => r.Table == "tag_listing" && r.BuildId == change.InImage.Id && r.RevokeEvent is not null)
                    .Select(r => r.RevokeEvent!.Value)
                    .Concat(rows.Where(r => r.Table == "tag_packages" && r.Fields.GetBooleanOrNull("blocked") == true).Select(r => r.CreateEvent))
                    .DefaultIfEmpty(image.CreationEventId ?? 0)
                    .Max();
                events.Add(removal);
            }
        }
        return events.Max();
    }

    private async Task<KojiTaskInfo?> FindRunningTaskAsync(CancellationToken cancellationToken)
    {
        var tasks = await koji.ListTasksAsync(new KojiTaskQuery { Method = "kiwiBuild", States = KojiTaskQuery.ActiveStates }, cancellationToken);
        return tasks.Where(t => t.KiwiTarget == settings.Target && (t.KiwiProfile is null || t.KiwiProfile == settings.Profile))
            .OrderBy(t => t.Id)
            .FirstOrDefault();
    }

    private IReadOnlyList<string> BuildArches(RebuildFacts facts) =>
        settings.Arches.Count > 0 ? settings.Arches
        : facts.Contents is { Arches.Count: > 0 } contents ? contents.Arches
        : RebuildSettings.FedoraArches;

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
        if (facts.RequiredRepoEvent is { } required)
        {
            evidence.Add(new("repo", facts.Repo is { } repo
                ? $"{facts.BuildTag} repo {repo.Id} (event {repo.CreateEvent}) includes event {required}"
                : $"{facts.BuildTag} has no ready repo from event {required} on"));
        }
        if (facts.RunningTask is { } task)
        {
            evidence.Add(new("running task", $"kiwiBuild {task.Id} ({task.State.ToString().ToLowerInvariant()}, owner {task.OwnerName})"));
        }
        return evidence;
    }
}
