namespace Releng.Jobs.Registry;

/// <summary>How skopeo reaches an image (its "transport").</summary>
public enum ImageTransport
{
    /// <summary>An OCI image-layout directory (<c>oci:DIR[:REF]</c>).</summary>
    OciLayout,

    /// <summary>A tarball of an OCI image layout, as kiwi builds write (<c>oci-archive:FILE</c>; .xz is accepted).</summary>
    OciArchive,

    /// <summary>A <c>docker save</c> tarball, as imagefactory builds write (<c>docker-archive:FILE</c>; .xz is accepted).</summary>
    DockerArchive,

    /// <summary>A registry (<c>docker://REGISTRY/REPO:TAG</c> or <c>@DIGEST</c>).</summary>
    Registry,
}

/// <summary>Where an image is read from or written to, in skopeo's terms.</summary>
public sealed record ImageLocation
{
    private ImageLocation(ImageTransport transport, string? path, string? layoutReference, ImageReference? image)
    {
        Transport = transport;
        Path = path;
        LayoutReference = layoutReference;
        Image = image;
    }

    public ImageTransport Transport { get; }

    /// <summary>The directory or file, for the local transports.</summary>
    public string? Path { get; }

    /// <summary>The <c>org.opencontainers.image.ref.name</c> inside an OCI layout, if any.</summary>
    public string? LayoutReference { get; }

    /// <summary>The registry reference, for <see cref="ImageTransport.Registry"/>.</summary>
    public ImageReference? Image { get; }

    public static ImageLocation OciLayout(string directory, string? reference = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        if (directory.Contains(':', StringComparison.Ordinal))
        {
            // skopeo reads "oci:DIR:REF", so a colon in the directory would be taken for the reference.
            throw new ArgumentException($"An OCI layout directory cannot contain ':' ('{directory}').", nameof(directory));
        }
        if (reference is not null && (reference.Length == 0 || reference.Contains(':', StringComparison.Ordinal)))
        {
            throw new ArgumentException($"'{reference}' cannot name an image in an OCI layout.", nameof(reference));
        }
        return new(ImageTransport.OciLayout, System.IO.Path.GetFullPath(directory), reference, null);
    }

    public static ImageLocation OciArchive(string file)
    {
        ArgumentException.ThrowIfNullOrEmpty(file);
        return new(ImageTransport.OciArchive, System.IO.Path.GetFullPath(file), null, null);
    }

    public static ImageLocation DockerArchive(string file)
    {
        ArgumentException.ThrowIfNullOrEmpty(file);
        return new(ImageTransport.DockerArchive, System.IO.Path.GetFullPath(file), null, null);
    }

    public static ImageLocation Registry(ImageReference image)
    {
        ArgumentNullException.ThrowIfNull(image);
        return new(ImageTransport.Registry, null, null, image);
    }

    /// <summary>
    /// A Koji image archive by its file name: <c>*.oci.tar[.xz]</c> (kiwi, F40+) is an OCI archive, any other
    /// <c>*.tar[.xz]</c> (imagefactory, up to F39) a docker archive.
    /// </summary>
    public static ImageLocation KojiImageArchive(string file)
    {
        ArgumentException.ThrowIfNullOrEmpty(file);
        var name = System.IO.Path.GetFileName(file);
        if (name.EndsWith(".oci.tar", StringComparison.Ordinal) || name.EndsWith(".oci.tar.xz", StringComparison.Ordinal))
        {
            return OciArchive(file);
        }
        if (name.EndsWith(".tar", StringComparison.Ordinal) || name.EndsWith(".tar.xz", StringComparison.Ordinal))
        {
            return DockerArchive(file);
        }
        throw new ArgumentException($"'{name}' is not a container image archive (.tar, .tar.xz, .oci.tar or .oci.tar.xz).", nameof(file));
    }

    /// <summary>The location in skopeo's transport syntax, e.g. <c>oci:/tmp/layout:index</c>.</summary>
    public string ToSkopeoArgument() => Transport switch
    {
        ImageTransport.OciLayout => LayoutReference is null ? $"oci:{Path}" : $"oci:{Path}:{LayoutReference}",
        ImageTransport.OciArchive => $"oci-archive:{Path}",
        ImageTransport.DockerArchive => $"docker-archive:{Path}",
        ImageTransport.Registry => Image!.ToDockerTransport(),
        _ => throw new InvalidOperationException($"Unknown transport {Transport}."),
    };

    public override string ToString() => ToSkopeoArgument();
}
