using Releng.Jobs.Koji;
using Releng.Jobs.Registry;

namespace Releng.Jobs.BaseImage;

/// <summary>Gets an image build's archive files to where skopeo can read them.</summary>
public interface IKojiImageFiles
{
    /// <summary>
    /// Makes <paramref name="archive"/> of <paramref name="build"/> readable under <paramref name="directory"/> and
    /// returns it as an image source (<c>oci-archive:</c> for kiwi's <c>.oci.tar.xz</c>, <c>docker-archive:</c> before).
    /// </summary>
    Task<ImageLocation> FetchAsync(Uri topUrl, KojiBuild build, KojiArchive archive, string directory, CancellationToken cancellationToken);
}
