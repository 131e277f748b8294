using System.Text.RegularExpressions;

namespace Releng.Jobs.Bodhi;

/// <summary>
/// Several Bodhi releases share a base (F43, F43C, F43F): one per content kind. Only one of them is the one a
/// dist-git namespace's branches map to.
/// </summary>
public enum ReleaseKind
{
    Rpm,
    Container,
    Flatpak,
    Module,
}

internal static partial class ReleaseKinds
{
    public static ReleaseKind Of(Release release) => release.IdPrefix.ToUpperInvariant() switch
    {
        "FEDORA-CONTAINER" => ReleaseKind.Container,
        "FEDORA-FLATPAK" => ReleaseKind.Flatpak,
        "FEDORA-MODULAR" or "FEDORA-EPEL-MODULAR" => ReleaseKind.Module,
        _ => Suffix().Match(release.Name) is { Success: true } m
            ? m.Groups[1].Value switch
            {
                "C" => ReleaseKind.Container,
                "F" => ReleaseKind.Flatpak,
                _ => ReleaseKind.Module,
            }
            : ReleaseKind.Rpm,
    };

    /// <summary>The dist-git namespace whose branches map to releases of this kind.</summary>
    public static ReleaseKind ForNamespace(string @namespace) => @namespace switch
    {
        "rpms" => ReleaseKind.Rpm,
        "container" => ReleaseKind.Container,
        "flatpaks" => ReleaseKind.Flatpak,
        "modules" => ReleaseKind.Module,
        _ => throw new ArgumentException($"no Bodhi releases for the dist-git namespace '{@namespace}'", nameof(@namespace)),
    };

    // F43C, F43F, F30M, EPEL-8M: a version followed by a kind letter.
    [GeneratedRegex(@"\d([CFM])$")]
    private static partial Regex Suffix();
}
