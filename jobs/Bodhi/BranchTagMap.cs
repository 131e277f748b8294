namespace Releng.Jobs.Bodhi;

/// <summary>
/// Maps a dist-git branch to its Bodhi release and Koji tags: <c>rawhide</c> → <c>f&lt;N&gt;</c> of the rawhide
/// release, <c>f43</c> → <c>f43</c>, <c>epel9</c> → <c>epel9</c>, <c>epel10.1</c> → <c>epel10.1</c>, <c>eln</c> → <c>eln</c>.
/// Built from Bodhi's rows, not from patterns, so a new release needs no code change. Archived and disabled
/// releases are left out.
/// </summary>
/// <remarks>
/// Quirks handled: several releases share a branch (F43, F43C containers, F43F flatpaks, F30M modules), so a
/// namespace only sees its own kind, and for <c>rpms</c> the plain <c>FEDORA</c>/<c>FEDORA-EPEL</c> row wins a tie;
/// versions are text (ELN); rawhide may be asked for by its number (<c>f45</c>) as well as by <c>rawhide</c>;
/// if no row carries the branch <c>rawhide</c>, the newest pending Fedora release is taken as rawhide.
/// </remarks>
public sealed class BranchTagMap
{
    public const string RawhideBranch = "rawhide";

    private BranchTagMap(IReadOnlyList<Release> releases)
    {
        Releases = releases;
        Rawhide = FindRawhide(releases);
    }

    public static BranchTagMap From(IEnumerable<Release> releases) =>
        new(releases.Where(r => r.State is not ("archived" or "disabled")).ToList());

    /// <summary>The releases the map knows, in Bodhi's order.</summary>
    public IReadOnlyList<Release> Releases { get; }

    /// <summary>The RPM release rawhide builds for (e.g. F45), if Bodhi lists one.</summary>
    public Release? Rawhide { get; }

    /// <summary><c>f&lt;N&gt;</c> of rawhide, e.g. <c>f45</c>.</summary>
    public string? RawhideTag => Rawhide?.DistTag;

    /// <summary>The dist-git branches this map can answer for in a namespace (<c>rpms</c>, <c>container</c>, <c>flatpaks</c>, <c>modules</c>).</summary>
    public IReadOnlyList<string> Branches(string @namespace = "rpms")
    {
        var kind = ReleaseKinds.ForNamespace(@namespace);
        var branches = Releases.Where(r => r.Kind == kind).Select(r => r.Branch).ToList();
        if (kind == ReleaseKind.Rpm && Rawhide is not null && !branches.Contains(RawhideBranch))
        {
            branches.Add(RawhideBranch);
        }
        return branches.Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>The release a branch of this namespace builds for, or null when Bodhi has no active release for it.</summary>
    public Release? ReleaseFor(string branch, string @namespace = "rpms")
    {
        var kind = ReleaseKinds.ForNamespace(@namespace);
        var rows = Releases.Where(r => r.Kind == kind && r.Branch == branch).ToList();
        if (rows.Count > 0)
        {
            return rows.FirstOrDefault(r => r.IdPrefix is "FEDORA" or "FEDORA-EPEL") ?? rows[0];
        }
        if (kind == ReleaseKind.Rpm && Rawhide is not null && (branch == RawhideBranch || branch == Rawhide.DistTag))
        {
            return Rawhide;
        }
        if (kind != ReleaseKind.Rpm && Rawhide is not null && branch == Rawhide.DistTag)
        {
            return Releases.FirstOrDefault(r => r.Kind == kind && r.Branch == RawhideBranch);
        }
        return null;
    }

    /// <summary>
    /// The Koji tag that holds the package list and block state for a branch (Bodhi's <c>dist_tag</c>); Koji
    /// inheritance carries it into the <c>-updates</c> and <c>-build</c> tags. Containers without a Bodhi row fall
    /// back to the legacy <c>f&lt;N&gt;-container</c>. Null when the branch is unknown.
    /// </summary>
    public string? TagFor(string branch, string @namespace = "rpms")
    {
        if (ReleaseFor(branch, @namespace) is { } release)
        {
            return release.DistTag;
        }
        if (ReleaseKinds.ForNamespace(@namespace) == ReleaseKind.Container && TagFor(branch) is { } rpmTag)
        {
            return $"{rpmTag}-container";
        }
        return null;
    }

    /// <summary>True with the tag when <see cref="TagFor"/> knows the branch.</summary>
    public bool TryGetTag(string branch, out string tag, string @namespace = "rpms")
    {
        tag = TagFor(branch, @namespace) ?? "";
        return tag.Length > 0;
    }

    /// <summary>
    /// Where to ask Koji for the latest builds: rawhide's <c>dist_tag</c>, otherwise the release's <c>stable_tag</c>
    /// (<c>f43-updates</c>, <c>epel9</c>), which inherits the <c>dist_tag</c>.
    /// </summary>
    public string? LatestBuildsTagFor(string branch, string @namespace = "rpms")
    {
        var release = ReleaseFor(branch, @namespace);
        if (release is null)
        {
            return null;
        }
        return ReferenceEquals(release, Rawhide) || release.Branch == RawhideBranch
            ? release.DistTag
            : release.StableTag ?? release.DistTag;
    }

    /// <summary>
    /// The dist-git branch a requested name means: <c>f45</c> while F45 is rawhide is the <c>rawhide</c> branch;
    /// a known branch is itself; anything else is null.
    /// </summary>
    public string? DistGitBranch(string requested, string @namespace = "rpms")
    {
        if (ReleaseFor(requested, @namespace) is not { } release)
        {
            return null;
        }
        var isRawhide = ReferenceEquals(release, Rawhide) || release.Branch == RawhideBranch;
        return isRawhide ? RawhideBranch : release.Branch;
    }

    private static Release? FindRawhide(IReadOnlyList<Release> releases)
    {
        var rpms = releases.Where(r => r.Kind == ReleaseKind.Rpm).ToList();
        return rpms.FirstOrDefault(r => r.Branch == RawhideBranch)
            ?? rpms
                .Where(r => r.IdPrefix == "FEDORA" && r.State == "pending" && r.NumericVersion is not null)
                .MaxBy(r => r.NumericVersion);
    }
}
