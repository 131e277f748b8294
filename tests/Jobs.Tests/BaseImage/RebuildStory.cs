using System.Text;

namespace Releng.Jobs.Tests.BaseImage;

/// <summary>Koji scenarios for the rebuild job: an f44 image of N packages over four arches, with optional twists.</summary>
internal static class RebuildStory
{
    public static readonly string[] Arches = ["x86_64", "aarch64", "ppc64le", "s390x"];

    /// <param name="packages">Source packages in the image, <c>pkg-000</c> and up, each tagged 20 days ago.</param>
    /// <param name="extraBuilds">More <c>koji.builds</c> entries (YAML flow mappings), e.g. updates after the image.</param>
    /// <param name="repoDaysAgo">When f44-build's repo was made.</param>
    public static string Yaml(int packages, string[]? extraBuilds = null, double repoDaysAgo = 0, string packageList = "", string tasks = "",
        Func<string, string[]>? archiveExtras = null)
    {
        var yaml = new StringBuilder();
        yaml.AppendLine("koji:");
        yaml.AppendLine("  tags:");
        yaml.AppendLine($"    f44: {{ arches: x86_64 aarch64 ppc64le s390x{(packageList.Length > 0 ? $", packages: {{ {packageList} }}" : "")} }}");
        yaml.AppendLine("    f44-build: { inherits: [f44] }");
        yaml.AppendLine("  targets: { f44-container: { build_tag: f44-build, dest_tag: f44-updates-candidate } }");
        yaml.AppendLine($"  repos: {{ f44-build: {{ days_ago: {repoDaysAgo.ToString(System.Globalization.CultureInfo.InvariantCulture)} }} }}");
        if (tasks.Length > 0)
        {
            yaml.AppendLine($"  tasks: [ {tasks} ]");
        }
        yaml.AppendLine("  builds:");
        var names = Enumerable.Range(0, packages).Select(i => $"pkg-{i:D3}").ToList();
        foreach (var name in names)
        {
            yaml.AppendLine($"    - {{ nvr: {name}-1.0-1.fc44, tags: [f44], days_ago: 20, arches: [x86_64, aarch64, ppc64le, s390x] }}");
        }
        yaml.AppendLine("    - nvr: Fedora-Container-Base-Generic-44-20261123.0");
        yaml.AppendLine("      type: image");
        yaml.AppendLine("      tags: [f44-updates-candidate]");
        yaml.AppendLine("      days_ago: 1");
        yaml.AppendLine("      archives:");
        foreach (var arch in Arches)
        {
            var rpms = names.Select(n => $"{n}-1.0-1.fc44").Concat(archiveExtras?.Invoke(arch) ?? []);
            yaml.AppendLine($"        - {{ arch: {arch}, rpms: [{string.Join(", ", rpms)}] }}");
        }
        foreach (var build in extraBuilds ?? [])
        {
            yaml.AppendLine($"    - {build}");
        }
        return yaml.ToString();
    }
}
