using Releng.Jobs.Configuration;
using Releng.Jobs.Koji;
using Releng.Jobs.Planning;
using Releng.Jobs.Registry;

namespace Releng.Jobs.BaseImage;

/// <summary>
/// Publishes the latest image build of one image to every configured registry as one multi-arch OCI index under
/// every configured tag, when it is not there yet (see <see cref="PushRule"/>). The push downloads the per-arch
/// archives from Koji and hands them to <see cref="IRegistryPublisher"/>, which writes nothing to a tag that already
/// holds the same per-arch digests.
/// </summary>
public sealed class BaseImagePushJob(
    IKojiClient koji, IRegistryReader reader, IRegistryPublisher publisher, IKojiImageFiles files, BaseImagePushOptions settings, TimeProvider clock)
    : IJob
{
    public string Subject
    {
        get
        {
            var first = $"push:{settings.Image} → {settings.Destinations[0]}:{string.Join(",", settings.Tags)}";
            return settings.Destinations.Count == 1 ? first : $"{first} (+{settings.Destinations.Count - 1} more {(settings.Destinations.Count == 2 ? "registry" : "registries")})";
        }
    }

    public async Task<Plan> PlanAsync(CancellationToken cancellationToken)
    {
        var target = await koji.GetBuildTargetAsync(settings.Target, cancellationToken: cancellationToken)
            ?? throw new ParameterValueException("target", $"Koji has no build target '{settings.Target}' (image {settings.Image})");
        var build = (await koji.GetLatestBuildsAsync(target.DestTagName, settings.Image, "image", cancellationToken: cancellationToken)).FirstOrDefault();
        var states = new List<(ImageReference Tag, TagState? State)>();
        foreach (var repository in settings.Destinations)
        {
            foreach (var tag in settings.Tags)
            {
                var reference = repository.WithTag(tag);
                states.Add((reference, await reader.ReadTagAsync(reference, cancellationToken)));
            }
        }
        var verdict = PushRule.Decide(build, target.DestTagName, clock.GetUtcNow(), states);
        var evidence = new List<Evidence>
        {
            new("week start", $"{PushRule.WeekStart(clock.GetUtcNow()):yyyy-MM-dd HH:mm} UTC"),
        };
        if (build is not null)
        {
            evidence.Add(new("latest build", $"{build.Nvr} in {target.DestTagName} (build {build.Id}, completed {build.CompletionTime:yyyy-MM-dd HH:mm} UTC)"));
        }
        foreach (var (tag, state) in states)
        {
            evidence.Add(new(tag.ToString(), state is null
                ? "missing"
                : $"{state.Digest}, {PushRule.HeldBuild(state) ?? "build not recorded"}"));
        }
        IReadOnlyList<Step> steps = [];
        if (verdict.Action == PushDecisionKinds.Push)
        {
            var archives = (await koji.ListArchivesAsync(build!.Id, "image", cancellationToken)).Where(ImageContentsReader.IsContainerImage)
                .OrderBy(a => a.Arch, StringComparer.Ordinal).ToList();
            if (archives.Count == 0 || archives.Any(a => a.Arch is null))
            {
                return new Plan(BaseImagePushDescriptor.Name, [Decision.NothingToDo(Subject, PushDecisionKinds.NothingToPush,
                    $"{build.Nvr} has no per-arch image archives to push", [.. evidence])]);
            }
            evidence.Add(new("archives", string.Join(", ", archives.Select(a => a.Filename))));
            steps = [new Step($"publish {build.Nvr} ({string.Join(" ", archives.Select(a => a.Arch))}) as {string.Join(", ", settings.Tags)}",
                ct => PublishAsync(build, archives, ct))];
        }
        return new Plan(BaseImagePushDescriptor.Name, [new Decision(Subject, verdict.Action, verdict.Reason, evidence, steps)]);
    }

    private async Task<StepResult> PublishAsync(KojiBuild build, IReadOnlyList<KojiArchive> archives, CancellationToken cancellationToken)
    {
        var directory = Directory.CreateTempSubdirectory("base-image-");
        try
        {
            var images = new List<ArchImage>();
            foreach (var archive in archives)
            {
                var location = await files.FetchAsync(settings.TopUrl, build, archive, directory.FullName, cancellationToken);
                images.Add(new ArchImage(Platform.FromKojiArch(archive.Arch!), location));
            }
            var request = new PublishRequest(images, settings.Destinations, settings.Tags)
            {
                Annotations = new Dictionary<string, string> { [PushRule.BuildAnnotation] = build.Nvr },
            };
            var result = await publisher.PublishAsync(request, cancellationToken);
            return result.ToStepResult();
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
