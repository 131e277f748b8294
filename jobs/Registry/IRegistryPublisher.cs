namespace Releng.Jobs.Registry;

/// <summary>Publishes a multi-arch image: per-platform manifests plus one OCI image index under every tag.</summary>
public interface IRegistryPublisher
{
    /// <summary>
    /// Pushes the images and the index to every repository and tag that does not already hold an index of the same
    /// per-platform digests. Safe to repeat: a second run with the same content writes nothing.
    /// </summary>
    /// <exception cref="SkopeoException">A copy or read failed; tags already done stay done.</exception>
    /// <exception cref="RegistryPublishException">An image is not what the request says (e.g. the wrong architecture).</exception>
    Task<PublishResult> PublishAsync(PublishRequest request, CancellationToken cancellationToken);
}
