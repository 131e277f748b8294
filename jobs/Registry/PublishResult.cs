using Releng.Jobs.Planning;

namespace Releng.Jobs.Registry;

/// <summary>The outcome of one publish: the index that was built from the images, and what happened to each tag.</summary>
public sealed record PublishResult(
    string IndexDigest,
    IReadOnlyList<PlatformManifest> Manifests,
    IReadOnlyList<TagPublication> Tags)
{
    public bool AllAlreadyPublished => Tags.All(t => t.Status == PublicationStatus.AlreadyPublished);

    /// <summary>One line for logs and step results, e.g. <c>already published sha256:…</c>.</summary>
    public string Summary
    {
        get
        {
            if (AllAlreadyPublished)
            {
                var digests = Tags.Select(t => t.Digest).Distinct().ToList();
                return digests.Count == 1
                    ? $"already published {digests[0]}"
                    : "already published: " + string.Join("; ", Tags);
            }
            var pushed = Tags.Where(t => t.Status == PublicationStatus.Pushed).Select(t => t.Tag.ToString());
            var already = Tags.Where(t => t.Status == PublicationStatus.AlreadyPublished).Select(t => t.Tag.ToString()).ToList();
            return $"pushed {IndexDigest} to {string.Join(", ", pushed)}"
                + (already.Count > 0 ? $"; already published at {string.Join(", ", already)}" : "");
        }
    }

    public StepResult ToStepResult() =>
        AllAlreadyPublished ? StepResult.AlreadyDone(Summary) : StepResult.Done(Summary);
}
