using System.Text.RegularExpressions;

namespace Releng.Jobs.Bodhi;

/// <summary>
/// Release names that move by themselves, read from Bodhi's active releases at run time: <c>rawhide</c>,
/// <c>branched</c> (a release branched from rawhide and not yet released; none outside a branching window),
/// <c>latest-stable</c>, <c>oldest-stable</c> and <c>fNN</c>. In a jobs.yaml value a name is written in braces:
/// <c>{rawhide}</c> becomes the release's dist tag (<c>f46</c>), <c>{rawhide.version}</c> its number (<c>46</c>), so
/// <c>{latest-stable}-updates</c> is <c>f45-updates</c> and a branching needs no edit.
/// </summary>
public sealed partial class ReleaseNames(IReadOnlyList<Release> releases)
{
    public const string Rawhide = "rawhide";
    public const string Branched = "branched";
    public const string LatestStable = "latest-stable";
    public const string OldestStable = "oldest-stable";

    private readonly BranchTagMap _map = BranchTagMap.From(releases);

    /// <summary>Whether the text holds a <c>{name}</c> to resolve.</summary>
    public static bool Mentions(string? text) => text is not null && Placeholder().IsMatch(text);

    /// <summary>The Fedora release a name stands for now; null when it stands for none (e.g. no branched release).</summary>
    public Release? Find(string name)
    {
        var fedora = _map.Releases.Where(r => r.Kind == ReleaseKind.Rpm && r.IdPrefix == "FEDORA" && r.NumericVersion is not null).ToList();
        var rawhide = _map.Rawhide;
        var stable = fedora.Where(r => r.State == "current").OrderBy(r => r.NumericVersion).ToList();
        return name switch
        {
            Rawhide => rawhide,
            Branched => fedora.Where(r => r.State is "pending" or "frozen" && r != rawhide && r.Branch != BranchTagMap.RawhideBranch)
                .OrderByDescending(r => r.NumericVersion).FirstOrDefault(),
            LatestStable => stable.LastOrDefault(),
            OldestStable => stable.FirstOrDefault(),
            _ when FedoraBranch().IsMatch(name) => _map.ReleaseFor(name),
            _ => null,
        };
    }

    /// <summary>
    /// The text with every <c>{name}</c> and <c>{name.version}</c> replaced; each replacement is added to
    /// <paramref name="uses"/>. Null when a name stands for no release now; <paramref name="missing"/> then names it.
    /// </summary>
    public string? Expand(string text, ICollection<ReleaseNameUse> uses, out string? missing)
    {
        string? unresolved = null;
        var expanded = Placeholder().Replace(text, match =>
        {
            var name = match.Groups["name"].Value;
            if (Find(name) is not { } release)
            {
                unresolved ??= name;
                return match.Value;
            }
            var value = match.Groups["version"].Success ? release.Version : release.DistTag;
            var use = new ReleaseNameUse(match.Value, value, release);
            if (!uses.Contains(use))
            {
                uses.Add(use);
            }
            return value;
        });
        missing = unresolved;
        return unresolved is null ? expanded : null;
    }

    [GeneratedRegex(@"\{(?<name>rawhide|branched|latest-stable|oldest-stable|f\d+)(?<version>\.version)?\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"^f\d+$")]
    private static partial Regex FedoraBranch();
}

/// <summary>One name resolved in this run, e.g. <c>{rawhide}</c> → <c>f46</c> (F46, pending), for the plan's evidence.</summary>
public sealed record ReleaseNameUse(string Written, string Value, Release Release)
{
    public override string ToString() => $"{Written} → {Value} ({Release.Name}, {Release.State})";
}
