using Releng.Jobs.Koji;

namespace Releng.Jobs.BaseImage;

/// <summary>
/// The rebuild rule, free of I/O: an image needs a rebuild when any source package it was made from has another
/// latest build in the content tag, or none at all (untagged, blocked). Builds are compared by Koji build id, so
/// epochs and version ordering never matter: Koji's "latest" is the most recently tagged build, which is what the
/// repos the image is built from contain, so an older build tagged again is a change too.
/// </summary>
public static class RebuildRule
{
    /// <summary>
    /// The changed components, ordered by package name. <paramref name="latestInTag"/> holds the tag's latest build per
    /// image package (null when it has none); <paramref name="packageConfigs"/> the tag's package-list entry of those
    /// without a build (null or missing when not listed), to tell blocked from untagged.
    /// </summary>
    public static IReadOnlyList<ComponentChange> Compare(
        string tag,
        IReadOnlyDictionary<string, IReadOnlyList<KojiBuild>> components,
        IReadOnlyDictionary<string, KojiBuild?> latestInTag,
        IReadOnlyDictionary<string, KojiPackageConfig?> packageConfigs)
    {
        var changes = new List<ComponentChange>();
        foreach (var (package, builds) in components.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            var latest = latestInTag.GetValueOrDefault(package);
            if (latest is null)
            {
                var config = packageConfigs.GetValueOrDefault(package);
                changes.Add(config is { Blocked: true }
                    ? new ComponentChange(package, ComponentChangeKind.Blocked, builds[0], null, tag, config.TagName)
                    : new ComponentChange(package, ComponentChangeKind.Untagged, builds[0], null, tag));
                continue;
            }
            var stale = builds.FirstOrDefault(b => b.Id != latest.Id);
            if (stale is not null)
            {
                changes.Add(new ComponentChange(package, ComponentChangeKind.Updated, stale, latest, tag));
            }
        }
        return changes;
    }

    /// <summary>What to do with one image, given everything read about it.</summary>
    public static RebuildVerdict Decide(RebuildFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var at = $"at Koji event {facts.EventId}";
        if (facts.RunningTask is { } task)
        {
            var state = task.State == KojiTaskState.Free || task.StartTime is null
                ? $"is waiting for a builder (queued {task.CreateTime:yyyy-MM-dd HH:mm} UTC)"
                : $"is already running (started {task.StartTime:yyyy-MM-dd HH:mm} UTC)";
            return new(RebuildDecisionKinds.AlreadyBuilding,
                $"kiwiBuild task {task.Id} for {facts.Target} {state}; not starting another" +
                (facts.Changes.Count > 0 ? $" ({Count(facts.Changes.Count)} changed since the current image)" : ""));
        }
        if (facts.Contents is null)
        {
            return new(RebuildDecisionKinds.Rebuild, $"{facts.Image} has no complete image build in {facts.DestTag} {at}; building the first one");
        }
        if (facts.Contents.Components.Count == 0)
        {
            return new(RebuildDecisionKinds.Rebuild, $"{facts.Contents.Image.Nvr} lists no component RPMs in its image archives, so it cannot be checked {at}");
        }
        if (facts.Changes.Count == 0)
        {
            return facts.Force
                ? new(RebuildDecisionKinds.Rebuild, $"forced: all {facts.Contents.Components.Count} packages of {facts.Contents.Image.Nvr} are the latest in {facts.Tag} {at}")
                : new(RebuildDecisionKinds.Skip, $"all {facts.Contents.Components.Count} packages of {facts.Contents.Image.Nvr} are the latest builds in {facts.Tag} {at}");
        }
        var changed = $"{Count(facts.Changes.Count)} changed since {facts.Contents.Image.Nvr}: {Summary(facts.Changes)}";
        if (facts.BuildRepo is { IsCurrent: false } repo)
        {
            var lag = RepoLagSummary(facts, repo);
            // force is for fixes that cannot wait: build now from the newest repo, and say what it lacks.
            return facts.Force
                ? new(RebuildDecisionKinds.Rebuild, $"forced; {changed}; {lag}, so the build may not have every change ({at})")
                : new(RebuildDecisionKinds.WaitForRepo,
                    $"{changed}; but {lag}, so a build now would not be made of {facts.Tag}'s latest builds {at}; the next run rebuilds");
        }
        return new(RebuildDecisionKinds.Rebuild, (facts.Force ? "forced; " : "") + $"{changed} ({at})");
    }

    private static string RepoLagSummary(RebuildFacts facts, BuildRepoState repo) => repo.Repo is not { } newest
        ? $"{facts.BuildTag} has no ready repo"
        : $"{facts.BuildTag}'s newest repo {newest.Id} (event {newest.CreateEvent}) lacks what happened up to event {repo.RequiredEvent}: " +
          string.Join("; ", repo.Lags.Take(3)) + (repo.Lags.Count > 3 ? $"; and {repo.Lags.Count - 3} more" : "");

    private static string Count(int changes) => changes == 1 ? "1 package" : $"{changes} packages";

    // The reason stays one readable line; the evidence lists every change.
    private static string Summary(IReadOnlyList<ComponentChange> changes, int shown = 5) =>
        string.Join("; ", changes.Take(shown)) + (changes.Count > shown ? $"; and {changes.Count - shown} more" : "");
}

/// <summary>The decision names the rebuild job uses.</summary>
public static class RebuildDecisionKinds
{
    public const string Rebuild = "rebuild";
    public const string Skip = "skip";
    public const string WaitForRepo = "wait-for-repo";
    public const string AlreadyBuilding = "already-building";
}

/// <summary>Everything the rebuild rule looks at for one image, read at one Koji event.</summary>
/// <param name="Contents">The current image build and its components; null when there is none yet.</param>
/// <param name="BuildRepo">Whether the build tag's newest repo holds the tag's latest builds at the event; read only when something changed.</param>
/// <param name="RunningTask">An unfinished kiwiBuild task for the same target and profile.</param>
/// <param name="BuildTagArches">The build tag's arches, read for a first build (there is no image to take them from).</param>
public sealed record RebuildFacts(
    string Image,
    string Tag,
    string Target,
    string BuildTag,
    string DestTag,
    int EventId,
    ImageContents? Contents,
    IReadOnlyList<ComponentChange> Changes,
    bool Force,
    BuildRepoState? BuildRepo,
    KojiTaskInfo? RunningTask,
    IReadOnlyList<string> BuildTagArches);

public sealed record RebuildVerdict(string Action, string Reason);
