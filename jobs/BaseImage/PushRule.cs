using Releng.Jobs.Koji;
using Releng.Jobs.Registry;

namespace Releng.Jobs.BaseImage;

/// <summary>
/// The weekly push rule, free of I/O. Registry tags we publish carry the Koji NVR in the index annotation
/// <see cref="BuildAnnotation"/>, so a tag says which build it holds without downloading anything:
/// <list type="bullet">
/// <item>a tag that is missing or holds another build needs the push (whatever the week: a failed run is caught up);</item>
/// <item>every tag holding this build: nothing to push (a repeated run is a no-op);</item>
/// <item>tags that do not say (pushed by other tooling): push only a build completed since the week started.</item>
/// </list>
/// </summary>
public static class PushRule
{
    public const string BuildAnnotation = "org.opencontainers.image.version";

    /// <summary>Monday 00:00 UTC of the week <paramref name="now"/> is in.</summary>
    public static DateTimeOffset WeekStart(DateTimeOffset now)
    {
        var utc = now.ToUniversalTime();
        var daysSinceMonday = ((int)utc.DayOfWeek + 6) % 7;
        return new DateTimeOffset(utc.Date.AddDays(-daysSinceMonday), TimeSpan.Zero);
    }

    /// <param name="build">The destination tag's latest image build; null when it has none.</param>
    /// <param name="tags">Every registry tag to publish, with what it points to now (null: missing).</param>
    public static PushVerdict Decide(KojiBuild? build, string destTag, DateTimeOffset now, IReadOnlyList<(ImageReference Tag, TagState? State)> tags)
    {
        var weekStart = WeekStart(now);
        if (build is null)
        {
            return new(PushDecisionKinds.NothingToPush, $"no complete image build in {destTag}");
        }
        var completed = build.CompletionTime ?? build.CreationTime ?? DateTimeOffset.MinValue;
        var thisWeek = completed >= weekStart;
        var when = $"completed {completed:yyyy-MM-dd HH:mm} UTC, {(thisWeek ? "this week" : "before this week")} (since Monday {weekStart:yyyy-MM-dd})";
        var stale = tags.Where(t => t.State is null || HeldBuild(t.State) is { } held && held != build.Nvr).ToList();
        if (stale.Count > 0)
        {
            var what = string.Join("; ", stale.Select(t => t.State is null ? $"{t.Tag} is missing" : $"{t.Tag} holds {HeldBuild(t.State)}"));
            return new(PushDecisionKinds.Push, $"{build.Nvr} ({when}) is not published: {what}");
        }
        var unknown = tags.Where(t => HeldBuild(t.State) is null).ToList();
        if (unknown.Count == 0)
        {
            return new(PushDecisionKinds.NothingToPush,
                $"{(thisWeek ? "" : "no new build this week: ")}{build.Nvr} ({when}) is already published at {string.Join(", ", tags.Select(t => t.Tag))} ({Digests(tags)})");
        }
        var unlabelled = string.Join(", ", unknown.Select(t => t.Tag));
        return thisWeek
            ? new(PushDecisionKinds.Push, $"{build.Nvr} {when}; {unlabelled} do not say which build they hold")
            : new(PushDecisionKinds.NothingToPush, $"no image build completed since Monday {weekStart:yyyy-MM-dd}: the latest, {build.Nvr}, {when}");
    }

    /// <summary>The NVR a tag's index says it was made from, if it says.</summary>
    public static string? HeldBuild(TagState? state) => state?.Annotations.GetValueOrDefault(BuildAnnotation);

    private static string Digests(IEnumerable<(ImageReference Tag, TagState? State)> tags) =>
        string.Join(", ", tags.Select(t => t.State!.Digest).Distinct(StringComparer.Ordinal));
}

/// <summary>The decision names the push job uses.</summary>
public static class PushDecisionKinds
{
    public const string Push = "push";
    public const string NothingToPush = "nothing-to-push";
}

public sealed record PushVerdict(string Action, string Reason);
