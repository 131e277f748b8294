using Releng.Jobs.Registry;
using Releng.Jobs.Sandbox.Scenarios;

namespace Releng.Jobs.Sandbox.Registry;

/// <summary>
/// The sandbox registries: every tag of every repository and the OCI index it points to. Written by the sandbox
/// publisher, read by the sandbox reader, saved with the world.
/// </summary>
public sealed class RegistryWorld
{
    /// <summary>By tag reference, <c>registry/repository:tag</c>.</summary>
    public Dictionary<string, RegistryWorldTag> Tags { get; set; } = [];

    /// <summary>Every push, in order: <c>reference digest</c>.</summary>
    public List<string> Pushes { get; set; } = [];

    public static RegistryWorld Seed(Scenario scenario, SandboxPaths paths)
    {
        _ = paths;
        var world = new RegistryWorld();
        foreach (var (reference, tag) in scenario.Registry.Tags)
        {
            var parsed = ImageReference.Parse(reference);
            var nvr = tag.Build ?? "unrecorded-" + parsed.Tag;
            var manifests = tag.Arches.Select(arch => new PlatformManifest(
                Platform.FromKojiArch(arch),
                SandboxImages.ManifestDigest(tag.Filename.Replace("{nvr}", nvr, StringComparison.Ordinal).Replace("{arch}", arch, StringComparison.Ordinal)),
                OciMediaTypes.ImageManifest,
                SandboxImages.ManifestSize)).ToList();
            var annotations = tag.Build is null ? new Dictionary<string, string>() : new Dictionary<string, string> { [SandboxImages.BuildAnnotation] = tag.Build };
            world.Tags[parsed.ToString()] = RegistryWorldTag.From(SandboxImages.Index(manifests, annotations));
        }
        return world;
    }
}

public sealed class RegistryWorldTag
{
    public string Digest { get; set; } = "";
    public string MediaType { get; set; } = OciMediaTypes.ImageIndex;
    public List<RegistryWorldManifest> Manifests { get; set; } = [];
    public Dictionary<string, string> Annotations { get; set; } = [];

    internal static RegistryWorldTag From(SandboxIndex index) => new()
    {
        Digest = index.Digest,
        Manifests = index.Manifests.Select(m => new RegistryWorldManifest
        {
            Os = m.Platform!.Os, Architecture = m.Platform.Architecture, Variant = m.Platform.Variant, Digest = m.Digest, Size = m.Size,
        }).ToList(),
        Annotations = new Dictionary<string, string>(index.Annotations),
    };

    public TagState ToTagState(ImageReference tag) => new(
        tag, Digest, MediaType,
        Manifests.Select(m => new PlatformManifest(new Platform(m.Os, m.Architecture, m.Variant), m.Digest, OciMediaTypes.ImageManifest, m.Size)).ToList(),
        Annotations);
}

public sealed class RegistryWorldManifest
{
    public string Os { get; set; } = "linux";
    public string Architecture { get; set; } = "";
    public string? Variant { get; set; }
    public string Digest { get; set; } = "";
    public long Size { get; set; }
}
