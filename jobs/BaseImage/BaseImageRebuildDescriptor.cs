using Releng.Jobs.Configuration;
using Releng.Jobs.Planning;

namespace Releng.Jobs.BaseImage;

/// <summary>The <c>base-image-rebuild</c> task: its parameters and secrets, and the binder of <see cref="BaseImageRebuildOptions"/>.</summary>
public sealed class BaseImageRebuildDescriptor : JobDescriptor<BaseImageRebuildOptions>
{
    public const string Name = "base-image-rebuild";

    public override string Task => Name;

    public override string Description => "Rebuild a container base image when a package in it changed";

    public override IReadOnlyList<ParameterSpec> Parameters { get; } =
    [
        new("image", ParameterKind.Text, "Koji package name of the image, e.g. Fedora-Container-Base-Generic", Required: true),
        new("tag", ParameterKind.Text, "Koji tag the image's packages come from, e.g. f43-updates or the rawhide tag f44", Required: true),
        new("target", ParameterKind.Text, "Koji build target of the image build (its destination tag holds the image builds)", Required: true),
        new("release", ParameterKind.Text, "Fedora release, e.g. 43; a number becomes the image version", Required: true),
        new("force", ParameterKind.Boolean, "Rebuild even when nothing changed", Default: false),
        new("profile", ParameterKind.Text, "Kiwi profile; default the image name without 'Fedora-'"),
        new("description_url", ParameterKind.Text, "SCM URL of the kiwi descriptions", Default: BaseImageRebuildOptions.DefaultDescriptionUrl),
        new("description_path", ParameterKind.Text, "The .kiwi file in the descriptions", Default: BaseImageRebuildOptions.DefaultDescriptionPath),
        new("arches", ParameterKind.TextList, "Arches to build; default those of the current image build"),
        new("wait_minutes", ParameterKind.Integer, "Follow a started build this long; 0 starts it and returns", Default: BaseImageRebuildOptions.DefaultWaitMinutes),
    ];

    public override IReadOnlyList<ParameterSpec> Inputs { get; } = [new("force", ParameterKind.Boolean, "Rebuild even when nothing changed")];

    /// <summary>The Koji login (submit the image build).</summary>
    public override IReadOnlyList<string> Secrets { get; } = [.. KojiLogin];

    public override string Documentation => "docs/jobs/base-image.md";

    public override BaseImageRebuildOptions Bind(JobRequest request)
    {
        var parameters = request.Parameters;
        var image = parameters.Text("image");
        return new BaseImageRebuildOptions(
            image,
            parameters.Text("tag"),
            parameters.Text("target"),
            parameters.Text("release"),
            parameters.Boolean("force"),
            parameters.TextOrNull("profile") ?? BaseImageRebuildOptions.DefaultProfile(image),
            parameters.Text("description_url"),
            parameters.Text("description_path"),
            parameters.TextList("arches"),
            parameters.Integer("wait_minutes") ?? BaseImageRebuildOptions.DefaultWaitMinutes);
    }
}
