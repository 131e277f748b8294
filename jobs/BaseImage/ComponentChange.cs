using Releng.Jobs.Koji;

namespace Releng.Jobs.BaseImage;

public enum ComponentChangeKind
{
    /// <summary>The tag's latest build of the package is another build (newer, or an older one tagged again).</summary>
    Updated,

    /// <summary>The package is listed but has no build in the tag any more.</summary>
    Untagged,

    /// <summary>The package is blocked in the tag (retired).</summary>
    Blocked,
}

/// <summary>One source package whose build in the image is not the tag's latest build of it.</summary>
/// <param name="Package">The source package name, e.g. <c>bash</c>.</param>
/// <param name="InImage">The build the image's RPMs came from.</param>
/// <param name="Latest">The tag's latest build, for <see cref="ComponentChangeKind.Updated"/>.</param>
/// <param name="Tag">The content tag compared against.</param>
/// <param name="RemovedIn">For an untagged or blocked package, the tag it was untagged from or blocked in when known:
/// the content tag or one of its parents.</param>
public sealed record ComponentChange(string Package, ComponentChangeKind Kind, KojiBuild InImage, KojiBuild? Latest, string Tag,
    string? RemovedIn = null)
{
    /// <summary>e.g. <c>bash 5.2.37-1.fc44 → 5.2.37-2.fc44</c> or <c>foo 1.0-1.fc44 → untagged from f44</c>.</summary>
    public override string ToString() => $"{Package} {Transition}";

    /// <summary>The change without the package name, e.g. <c>5.2.37-1.fc44 → 5.2.37-2.fc44</c>.</summary>
    public string Transition => Kind switch
    {
        ComponentChangeKind.Updated => $"{Evr(InImage)} → {Evr(Latest!)}",
        ComponentChangeKind.Untagged => RemovedIn is { } from
            ? $"{Evr(InImage)} → untagged from {from}{Inherited(from)}"
            : $"{Evr(InImage)} → no build left in {Tag}",
        _ => $"{Evr(InImage)} → blocked in {RemovedIn ?? Tag}{Inherited(RemovedIn ?? Tag)}",
    };

    private string Inherited(string where) => where == Tag ? "" : $" (inherited by {Tag})";

    /// <summary>[epoch:]version-release; Koji's nil epoch and 0 both print without one.</summary>
    public static string Evr(KojiBuild build) =>
        build.Epoch is { } epoch and not 0 ? $"{epoch}:{build.Version}-{build.Release}" : $"{build.Version}-{build.Release}";
}
