namespace Releng.Jobs.Registry;

/// <summary>How the jobs run skopeo.</summary>
public sealed record SkopeoOptions
{
    /// <summary>The executable; a bare name is looked up on PATH.</summary>
    public string Executable { get; init; } = "skopeo";

    /// <summary>
    /// Allows plain HTTP and unverified TLS, but only for registries on this machine (127.0.0.0/8, localhost, [::1]),
    /// which is what a test registry is. Every other registry is always verified, whatever this says.
    /// </summary>
    public bool InsecureLoopbackRegistries { get; init; }

    /// <summary>skopeo's own retries of registry requests (<c>--retry-times</c>).</summary>
    public int RetryTimes { get; init; } = 3;

    /// <summary>
    /// A trust policy file (<c>--policy</c>). When unset, skopeo's default <c>/etc/containers/policy.json</c> is used if
    /// it exists, otherwise <c>--insecure-policy</c>: the images pushed are our own builds, staged locally.
    /// </summary>
    public string? PolicyFile { get; init; }

    /// <summary>Where staging layouts and skopeo's temporary files go; the system temp directory when unset.</summary>
    public string? WorkDirectory { get; init; }

    /// <summary>
    /// Environment overrides for skopeo (a <c>null</c> value removes a variable). Tests set <c>HOME</c> here because
    /// skopeo falls back to <c>~/.docker/config.json</c> for credentials.
    /// </summary>
    public IReadOnlyDictionary<string, string?> Environment { get; init; } = new Dictionary<string, string?>();

    /// <summary>Receives each command line before it runs, secrets masked; for the run's log.</summary>
    public Action<string>? CommandLog { get; init; }

    internal const string DefaultPolicyFile = "/etc/containers/policy.json";
}
