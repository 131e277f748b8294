using Releng.Jobs.Koji;

namespace Releng.Jobs.BaseImage;

/// <summary>
/// Reads <see cref="BuildRepoState"/>: the newest repo and the build tag's inheritance in one multicall, then, only
/// when the repo is older than the decision event, what changed since the repo in each tag of that inheritance in
/// one multicall (<c>queryHistory(tag=…, afterEvent=repo)</c>), and the latest builds of packages that lost a build
/// there, to tell "left the tag" from "an older build is latest again".
/// </summary>
public sealed class BuildRepoReader(IKojiClient koji)
{
    private static readonly string[] Tables = ["tag_listing", "tag_packages", "tag_inheritance"];

    public async Task<BuildRepoState> ReadAsync(string buildTag, string contentTag, IReadOnlyCollection<string> imagePackages, int at,
        CancellationToken cancellationToken)
    {
        var first = await koji.MultiCallAsync<object?>(
            [KojiCalls.GetRepo(buildTag).Untyped(), KojiCalls.GetFullInheritance(buildTag, at).Untyped()], cancellationToken);
        var repo = (KojiRepo?)first[0].Value;
        if (repo is null || repo.CreateEvent >= at)
        {
            return new BuildRepoState(repo, []);
        }
        var chain = new[] { buildTag }.Concat(((IReadOnlyList<KojiTagParent>)first[1].Value!).Select(p => p.Name)).Distinct().ToList();
        var histories = await koji.MultiCallAsync(chain.Select(tag => KojiCalls.QueryHistory(new KojiHistoryQuery
        {
            Tables = Tables,
            Tag = tag,
            AfterEvent = repo.CreateEvent,
            BeforeEvent = at + 1,
        })), cancellationToken);
        var inImage = imagePackages.ToHashSet(StringComparer.Ordinal);
        var lags = new List<RepoLag>();
        var lostBuild = new Dictionary<string, RepoLag>(StringComparer.Ordinal);
        foreach (var (tag, history) in chain.Zip(histories))
        {
            foreach (var row in history.Value.Values.SelectMany(rows => rows))
            {
                if (LagOf(row, tag, repo.CreateEvent, at) is not { } lag)
                {
                    continue;
                }
                if (row.Table == "tag_inheritance" || inImage.Contains(lag.Package))
                {
                    lags.Add(lag);
                }
                else if (lag.Removal && !lostBuild.ContainsKey(lag.Package))
                {
                    lostBuild[lag.Package] = lag;
                }
            }
        }
        if (lostBuild.Count > 0)
        {
            // A package outside the image that lost its build may have left the tag; the old repo would still offer it.
            var latest = await koji.GetLatestBuildPerPackageAsync(contentTag, lostBuild.Keys, atEvent: at, cancellationToken: cancellationToken);
            lags.AddRange(lostBuild.Where(l => latest.GetValueOrDefault(l.Key) is null).Select(l => l.Value with { What = "left the tag: " + l.Value.What }));
        }
        return new BuildRepoState(repo, lags.OrderBy(l => l.Event).ThenBy(l => l.Package, StringComparer.Ordinal).ToList());
    }

    /// <summary>The row's change after the repo's event (and not after the decision event), if any.</summary>
    private static RepoLag? LagOf(KojiHistoryRow row, string tag, int repoEvent, int at)
    {
        var created = row.CreateEvent > repoEvent && row.CreateEvent <= at;
        var revoked = row.RevokeEvent is { } r && r > repoEvent && r <= at;
        if (!created && !revoked)
        {
            return null;
        }
        var eventId = revoked ? row.RevokeEvent!.Value : row.CreateEvent;
        if (row.Table == "tag_inheritance")
        {
            return new RepoLag(tag, "inheritance changed in", tag, eventId);
        }
        var package = row.PackageName ?? "?";
        if (row.Table == "tag_packages")
        {
            var blocked = row.Fields.GetBooleanOrNull("blocked") == true;
            return new RepoLag(package, revoked ? (blocked ? "unblocked in" : "removed from the list of") : blocked ? "blocked in" : "listed in", tag, eventId,
                Removal: blocked && !revoked || !blocked && revoked);
        }
        var nvr = $"{row.Fields.GetStringOrNull("version")}-{row.Fields.GetStringOrNull("release")}";
        return revoked
            ? new RepoLag(package, $"{nvr} untagged from", tag, eventId, Removal: true)
            : new RepoLag(package, $"{nvr} tagged in", tag, eventId);
    }
}
