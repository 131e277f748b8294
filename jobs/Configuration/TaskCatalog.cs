namespace Releng.Jobs.Configuration;

/// <summary>The tasks a jobs.yaml entry may name, with their parameters. Adding a process adds one spec here.</summary>
public sealed class TaskCatalog(IEnumerable<TaskSpec> specs)
{
    private readonly Dictionary<string, TaskSpec> _specs = specs.ToDictionary(s => s.Name, StringComparer.Ordinal);

    public IReadOnlyCollection<TaskSpec> All => _specs.Values;

    public TaskSpec? Find(string name) => _specs.GetValueOrDefault(name);

    public static ParameterSpec Ticket { get; } = new("ticket", ParameterKind.Integer, "Process only this ticket number");

    public static TaskCatalog Default { get; } = new(
    [
        new TaskSpec("unretire", "Unretirement tickets: report, then process recent retirements, then all",
        [
            new("tracker", ParameterKind.Text, "Pagure project of the tickets", Default: "releng"),
            new("phase", ParameterKind.Text, "How far to go", Required: true, Choices: ["report", "recent", "all"]),
            new("bot", ParameterKind.Text, "The bot's Pagure account when running without a token; with one, the token's account", Default: "releng-bot"),
            new("releng_group", ParameterKind.Text, "FAS group whose members, besides the requester, may ask the bot to retry", Default: "releng"),
        ], [Ticket]),
        new TaskSpec("scm-requests", "New repository and new branch requests",
        [
            new("tracker", ParameterKind.Text, "Pagure project of the requests", Default: "releng/fedora-scm-requests"),
            new("bot", ParameterKind.Text, "The bot's Pagure account when running without a token; with one, the token's account", Default: "releng-bot"),
            new("approvers", ParameterKind.TextList, "Accounts that may confirm an exception request with '@<bot> valid'"),
            new("approver_group", ParameterKind.Text, "FAS group whose members may confirm an exception request", Default: "releng"),
        ], [Ticket]),
        new TaskSpec("base-image-rebuild", "Rebuild a container base image when a package in it changed",
        [
            new("image", ParameterKind.Text, "Koji package name of the image, e.g. Fedora-Container-Base-Generic", Required: true),
            new("tag", ParameterKind.Text, "Koji tag the image's packages come from, e.g. f45-updates, or by release name: {latest-stable}-updates, {rawhide}", Required: true),
            new("target", ParameterKind.Text, "Koji build target of the image build (its destination tag holds the image builds), e.g. {rawhide}-container", Required: true),
            new("release", ParameterKind.Text, "Fedora release, e.g. 45 or {latest-stable.version}; a number becomes the image version", Required: true),
            new("force", ParameterKind.Boolean, "Rebuild even when nothing changed", Default: false),
            new("profile", ParameterKind.Text, "Kiwi profile; default the image name without 'Fedora-'"),
            new("description_url", ParameterKind.Text, "SCM URL of the kiwi descriptions",
                Default: "git+https://pagure.io/fedora-kiwi-descriptions.git#rawhide"),
            new("description_path", ParameterKind.Text, "The .kiwi file in the descriptions", Default: "Fedora.kiwi"),
            new("arches", ParameterKind.TextList, "Arches to build; default those of the current image build"),
            new("wait_minutes", ParameterKind.Integer, "Follow a started build this long; 0 starts it and returns", Default: 0),
        ], [new ParameterSpec("force", ParameterKind.Boolean, "Rebuild even when nothing changed")]),
        new TaskSpec("base-image-push", "Push the latest image build to the registries once a week",
        [
            new("image", ParameterKind.Text, "Koji package name of the image", Required: true),
            new("target", ParameterKind.Text, "Koji build target of the image build; its destination tag holds the builds", Required: true),
            new("repository", ParameterKind.Text, "Repository in each registry, e.g. fedora", Required: true),
            new("registries", ParameterKind.TextList, "Registries to push to, e.g. quay.io/fedora and registry.fedoraproject.org", Required: true),
            new("tags", ParameterKind.TextList, "Tags to publish the multi-arch index under, e.g. {latest-stable.version} and latest", Required: true),
            new("topurl", ParameterKind.Text, "Where Koji serves build files (packages/<name>/<version>/<release>/images/)",
                Default: "https://kojipkgs.fedoraproject.org/"),
        ], []),
    ]);
}
