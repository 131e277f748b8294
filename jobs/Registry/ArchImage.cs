namespace Releng.Jobs.Registry;

/// <summary>
/// The image of one platform and where to get it: a Koji image archive, an OCI layout, or a registry (from a
/// multi-arch source, the image of <see cref="Platform"/> is picked).
/// </summary>
public sealed record ArchImage(Platform Platform, ImageLocation Source);
