using Releng.Jobs.Koji;

namespace Releng.Jobs.BaseImage;

/// <summary>
/// Reads what an image build was made of with a fixed number of hub requests whatever its size: one
/// <c>listArchives(type='image')</c>, one multicall of <c>listRPMs(imageID=…)</c> over the archives and one multicall
/// of <c>getBuild</c> over the distinct component builds.
/// </summary>
public sealed class ImageContentsReader(IKojiClient koji)
{
    public async Task<ImageContents> ReadAsync(KojiBuild image, CancellationToken cancellationToken)
    {
        var archives = await koji.ListArchivesAsync(image.Id, "image", cancellationToken);
        // Kiwi also records its .xml/.packages side files as image archives; only the images have components.
        var images = archives.Where(IsContainerImage).ToList();
        var rpmsByArchive = await koji.ListImageRpmsAsync(images.Select(a => a.Id), cancellationToken);
        var rpms = rpmsByArchive.Values.SelectMany(r => r).ToList();
        var buildIds = rpms.Where(r => !r.IsExternal).Select(r => r.BuildId!.Value).Distinct().ToList();
        var builds = await koji.GetBuildsAsync(buildIds, cancellationToken);
        var components = builds.Values.OfType<KojiBuild>()
            .GroupBy(b => b.Name, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<KojiBuild>)g.OrderBy(b => b.Id).ToList(), StringComparer.Ordinal);
        var missing = buildIds.Where(id => builds.GetValueOrDefault(id) is null).ToList();
        if (missing.Count > 0)
        {
            throw new KojiException("getBuild", $"{image.Nvr} lists RPMs of builds Koji does not know: {string.Join(", ", missing)}");
        }
        return new ImageContents(image, images, components, rpms.Count(r => r.IsExternal));
    }

    public static bool IsContainerImage(KojiArchive archive) =>
        archive.Filename.EndsWith(".tar.xz", StringComparison.Ordinal) || archive.Filename.EndsWith(".tar", StringComparison.Ordinal)
        || archive.Filename.EndsWith(".tar.gz", StringComparison.Ordinal);
}
