using Releng.Jobs.Configuration;
using YamlDotNet.Serialization;

namespace Releng.Jobs.Sandbox.Scenarios;

/// <summary>
/// The <c>koji:</c> section of a scenario. Tags, builds and targets by name; times as <c>days_ago</c>. Events are
/// numbered in time order (ties in file order), so the most recently tagged build is the latest one, whatever
/// its version. Tags mentioned anywhere but not declared are created empty.
/// <code>
/// koji:
///   users: { releng-bot: { password: sandbox, certificate: true, permissions: [image] } }
///   tags:
///     f44: { arches: x86_64 aarch64, packages: { python-pyte: { blocked: true }, bash: {} } }
///     f44-build: { inherits: [f44] }
///   builds:
///     - { nvr: bash-5.2.37-1.fc44, tags: [f44], days_ago: 30 }
///     - { nvr: Fedora-Container-Base-Generic-44-20261120.0, type: image, tags: [f44], days_ago: 4,
///         archives: [ { arch: x86_64, rpms: [bash-5.2.37-1.fc44] } ] }
///   targets: { f44-container: { build_tag: f44-build, dest_tag: f44 } }
///   repos: { f44-build: { days_ago: 0 } }
///   tasks: [ { method: kiwiBuild, target: f44-container, profile: Container-Base-Generic, state: open } ]
/// </code>
/// </summary>
public sealed class KojiScenario
{
    /// <summary>Hub accounts. Without any, the sandbox has <c>releng-bot</c> (password <c>sandbox</c>, certificate login, permission <c>image</c>).</summary>
    public Dictionary<string, KojiUserScenario> Users { get; set; } = [];
    public Dictionary<string, KojiTagScenario> Tags { get; set; } = [];
    public List<KojiBuildScenario> Builds { get; set; } = [];
    public Dictionary<string, KojiTargetScenario> Targets { get; set; } = [];
    /// <summary>Repos by tag name: the newest READY repo of a tag is created at its <c>days_ago</c>.</summary>
    public Dictionary<string, KojiRepoScenario> Repos { get; set; } = [];
    public List<KojiTaskScenario> Tasks { get; set; } = [];
}

public sealed class KojiUserScenario
{
    /// <summary>Accepted by <c>login</c>; without one the user cannot log in with a password.</summary>
    public string? Password { get; set; }
    /// <summary>True: <c>sslLogin</c> logs in as this user (the sandbox has no TLS, so it stands for "holds a valid certificate").</summary>
    public bool Certificate { get; set; }
    /// <summary>e.g. <c>admin</c>, <c>image</c> (needed by kiwiBuild).</summary>
    public List<string> Permissions { get; set; } = [];
}

public sealed class KojiTagScenario
{
    /// <summary>Space-separated, as Koji stores them.</summary>
    public string? Arches { get; set; }
    /// <summary>Parents, nearest first.</summary>
    public List<string> Inherits { get; set; } = [];
    public Dictionary<string, KojiPackageScenario> Packages { get; set; } = [];
    public bool Locked { get; set; }
}

public sealed class KojiPackageScenario
{
    public bool Blocked { get; set; }
    public string? Owner { get; set; }
    public string? ExtraArches { get; set; }
}

public sealed class KojiBuildScenario : IScenarioEntry
{
    /// <inheritdoc />
    [YamlIgnore]
    public SourceMark At { get; set; } = IScenarioEntry.Nowhere;

    /// <summary>name-version-release; the name may contain dashes.</summary>
    public required string Nvr { get; set; }
    public int? Epoch { get; set; }
    /// <summary><c>rpm</c> (default) or <c>image</c>.</summary>
    public string Type { get; set; } = "rpm";
    /// <summary><c>complete</c> (default), <c>building</c>, <c>failed</c>, <c>canceled</c>, <c>deleted</c>.</summary>
    public string State { get; set; } = "complete";
    /// <summary>Tags the build is in (tagged at <see cref="TaggedDaysAgo"/>, default <see cref="DaysAgo"/>). Adds the package to a tag's list when missing.</summary>
    public List<string> Tags { get; set; } = [];
    public double DaysAgo { get; set; }
    public double? TaggedDaysAgo { get; set; }
    public string? Owner { get; set; }
    /// <summary>Binary RPM arches of an rpm build (default <c>x86_64</c>); archives add the arches they need.</summary>
    public List<string> Arches { get; set; } = [];
    public string? Source { get; set; }
    /// <summary>Image outputs, one per arch, with their RPM components given as build NVRs.</summary>
    public List<KojiArchiveScenario> Archives { get; set; } = [];
}

public sealed class KojiArchiveScenario : IScenarioEntry
{
    /// <inheritdoc />
    [YamlIgnore]
    public SourceMark At { get; set; } = IScenarioEntry.Nowhere;

    public required string Arch { get; set; }
    /// <summary>Default <c>&lt;nvr&gt;.&lt;arch&gt;.oci.tar.xz</c>.</summary>
    public string? Filename { get; set; }
    public long Size { get; set; } = 50_000_000;
    /// <summary>
    /// Build NVRs whose binary RPM for this arch the image contains. An NVR not listed in <c>koji.builds</c> becomes a
    /// complete but untagged build (so the rebuild check sees it as missing from the tags).
    /// </summary>
    public List<string> Rpms { get; set; } = [];
}

public sealed class KojiTargetScenario
{
    public required string BuildTag { get; set; }
    public required string DestTag { get; set; }
}

public sealed class KojiRepoScenario : IScenarioEntry
{
    /// <inheritdoc />
    [YamlIgnore]
    public SourceMark At { get; set; } = IScenarioEntry.Nowhere;

    public double DaysAgo { get; set; }
    /// <summary><c>ready</c> (default), <c>init</c>, <c>expired</c>, <c>deleted</c>, <c>problem</c>.</summary>
    public string State { get; set; } = "ready";
}

public sealed class KojiTaskScenario : IScenarioEntry
{
    /// <inheritdoc />
    [YamlIgnore]
    public SourceMark At { get; set; } = IScenarioEntry.Nowhere;

    public string Method { get; set; } = "kiwiBuild";
    /// <summary><c>free</c>, <c>open</c> (default), <c>assigned</c>, <c>closed</c>, <c>canceled</c>, <c>failed</c>.</summary>
    public string State { get; set; } = "open";
    public string? Target { get; set; }
    public string? Profile { get; set; }
    public List<string> Arches { get; set; } = [];
    public string? Owner { get; set; }
    public double DaysAgo { get; set; }
}
