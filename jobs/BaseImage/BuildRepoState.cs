using Releng.Jobs.Koji;

namespace Releng.Jobs.BaseImage;

/// <summary>
/// Whether the build tag's newest ready repo holds what the content tag holds at the decision event: for every
/// package of the image, and for any package that left the tag, nothing changed in the build tag or its parents
/// between the repo's event and the decision event. Otherwise a build now would not be made of the latest builds.
/// </summary>
/// <param name="Repo">The build tag's newest ready repo; null when it has none.</param>
/// <param name="Lags">What happened after the repo's event that the repo therefore lacks, oldest first.</param>
public sealed record BuildRepoState(KojiRepo? Repo, IReadOnlyList<RepoLag> Lags)
{
    public bool IsCurrent => Repo is not null && Lags.Count == 0;

    /// <summary>The event a repo must have reached to hold every lag; null when there is none.</summary>
    public int? RequiredEvent => Lags.Count == 0 ? null : Lags.Max(l => l.Event);
}

/// <summary>One change the build tag's repo does not have yet, e.g. <c>bash 5.3.0-1.fc44 untagged from f44 at event 90</c>.</summary>
/// <param name="Removal">An untagging or a block: the package may have left the tag.</param>
public sealed record RepoLag(string Package, string What, string Tag, int Event, bool Removal = false)
{
    public override string ToString() => $"{Package} {What} {Tag} at event {Event}";
}
