using Releng.Jobs.BaseImage;
using Releng.Jobs.Koji;
using Releng.Jobs.Registry;

namespace Releng.Jobs.Sandbox.Registry;

/// <summary>
/// The sandbox has no Koji file server: an image archive is named, not downloaded, and the sandbox registry derives
/// its digests from that name.
/// </summary>
public sealed class SandboxKojiImageFiles : IKojiImageFiles
{
    public Task<ImageLocation> FetchAsync(Uri topUrl, KojiBuild build, KojiArchive archive, string directory, CancellationToken cancellationToken) =>
        Task.FromResult(ImageLocation.KojiImageArchive(Path.Combine(directory, archive.Filename)));
}
