using System.Text.RegularExpressions;
using Releng.Jobs.Configuration;
using Releng.Jobs.Sandbox.Scenarios;

namespace Releng.Jobs.Sandbox.Bodhi;

/// <summary>The fake Bodhi's state: seeded from a scenario, changed by writes, saved with the sandbox world.</summary>
public sealed partial class BodhiWorld
{
    public List<BodhiReleaseRecord> Releases { get; set; } = [];

    /// <summary>What a scenario without a <c>bodhi:</c> section gets.</summary>
    public static IReadOnlyList<BodhiReleaseScenario> DefaultReleases { get; } =
    [
        new() { Name = "F44", Branch = "rawhide", Tag = "f44", State = "pending", ComposedByBodhi = false },
        new() { Branch = "f43" },
        new() { Branch = "f42" },
        new() { Branch = "epel10" },
        new() { Branch = "epel9" },
    ];

    public static BodhiWorld Seed(Scenario scenario, SandboxPaths paths) =>
        new() { Releases = (scenario.Bodhi.Releases ?? DefaultReleases).Select(ToRecord).ToList() };

    private static BodhiReleaseRecord ToRecord(BodhiReleaseScenario release)
    {
        var tag = release.Tag ?? (release.Branch == "rawhide"
            ? throw new ConfigurationException(release.At, "bodhi: the rawhide release needs its tag (e.g. tag: f44)")
            : release.Branch);
        var name = release.Name ?? NameFromTag(tag);
        var idPrefix = release.IdPrefix ?? IdPrefixFromName(name);
        var epel = idPrefix.StartsWith("FEDORA-EPEL", StringComparison.Ordinal);
        var version = release.Version ?? (Digits().Match(name) is { Success: true } m ? m.Value : name.ToLowerInvariant());
        return new BodhiReleaseRecord
        {
            Name = name,
            LongName = release.LongName ?? (epel ? $"Fedora EPEL {version}" : $"Fedora {version}"),
            Version = version,
            IdPrefix = idPrefix,
            Branch = release.Branch,
            DistTag = tag,
            // EPEL publishes straight to its dist tag; Fedora has an -updates tag family.
            StableTag = release.StableTag ?? (epel ? tag : $"{tag}-updates"),
            TestingTag = release.TestingTag ?? (epel ? $"{tag}-testing" : $"{tag}-updates-testing"),
            CandidateTag = release.CandidateTag ?? (epel ? $"{tag}-testing-candidate" : $"{tag}-updates-candidate"),
            PendingSigningTag = $"{tag}-signing-pending",
            PendingTestingTag = epel ? $"{tag}-testing-pending" : $"{tag}-updates-testing-pending",
            PendingStableTag = epel ? $"{tag}-pending" : $"{tag}-updates-pending",
            OverrideTag = $"{tag}-override",
            MailTemplate = epel ? "fedora_epel_errata_template" : "fedora_errata_template",
            State = release.State,
            ComposedByBodhi = release.ComposedByBodhi ?? release.Branch != "rawhide",
        };
    }

    private static string NameFromTag(string tag)
    {
        if (FedoraTag().Match(tag) is { Success: true } f)
        {
            return $"F{f.Groups[1].Value}" + (f.Groups[2].Value switch { "-container" => "C", "-flatpak" => "F", _ => "" });
        }
        if (EpelTag().Match(tag) is { Success: true } e)
        {
            return $"EPEL-{e.Groups[1].Value}";
        }
        return tag.ToUpperInvariant();
    }

    private static string IdPrefixFromName(string name) =>
        name.StartsWith("EPEL", StringComparison.Ordinal) ? "FEDORA-EPEL"
        : name.EndsWith('C') && name.Length > 1 && char.IsDigit(name[^2]) ? "FEDORA-CONTAINER"
        : name.EndsWith('F') && name.Length > 1 && char.IsDigit(name[^2]) ? "FEDORA-FLATPAK"
        : "FEDORA";

    [GeneratedRegex(@"^f(\d+)(-container|-flatpak)?$")]
    private static partial Regex FedoraTag();

    [GeneratedRegex(@"^epel(\d+(?:\.\d+)?)$")]
    private static partial Regex EpelTag();

    [GeneratedRegex(@"\d+(?:\.\d+)?")]
    private static partial Regex Digits();
}
