using System.Net;
using System.Text.RegularExpressions;

namespace Releng.Jobs.Registry;

/// <summary>
/// A repository on a named registry, e.g. <c>quay.io/fedora/fedora</c> or <c>registry.fedoraproject.org/fedora</c>.
/// The registry host is required: a bare <c>fedora</c> would silently mean Docker Hub to the tools.
/// </summary>
public sealed partial record RepositoryReference
{
    private RepositoryReference(string registry, string path)
    {
        Registry = registry;
        Path = path;
    }

    /// <summary>Host and optional port, e.g. <c>quay.io</c> or <c>127.0.0.1:5000</c>.</summary>
    public string Registry { get; }

    /// <summary>The repository name inside the registry, e.g. <c>fedora/fedora</c>.</summary>
    public string Path { get; }

    /// <summary>Whether the registry is on this machine (127.0.0.0/8, <c>localhost</c>, <c>[::1]</c>).</summary>
    public bool IsLoopback
    {
        get
        {
            var host = RegistryHostPattern().Match(Registry).Groups["host"].Value.Trim('[', ']');
            return host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
                || (IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address));
        }
    }

    /// <exception cref="FormatException">Not <c>registry/repository</c>, or a part breaks the OCI naming rules.</exception>
    public static RepositoryReference Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0)
        {
            throw new FormatException($"'{text}' is not a repository reference: expected <registry host>/<repository>, e.g. quay.io/fedora/fedora.");
        }
        var registry = text[..slash];
        var path = text[(slash + 1)..];
        if (!registry.Contains('.', StringComparison.Ordinal) && !registry.Contains(':', StringComparison.Ordinal)
            && !registry.Equals("localhost", StringComparison.OrdinalIgnoreCase))
        {
            throw new FormatException($"'{text}' does not start with a registry host (a name with a dot or a port, or localhost).");
        }
        if (!RegistryHostPattern().IsMatch(registry))
        {
            throw new FormatException($"'{registry}' is not a valid registry host[:port].");
        }
        if (!RepositoryPathPattern().IsMatch(path))
        {
            throw new FormatException($"'{path}' is not a valid repository name (lower-case components separated by '/').");
        }
        return new RepositoryReference(registry, path);
    }

    public ImageReference WithTag(string tag) => ImageReference.Tagged(this, tag);

    public ImageReference WithDigest(string digest) => ImageReference.Digested(this, digest);

    public override string ToString() => $"{Registry}/{Path}";

    [GeneratedRegex(@"^(?<host>\[[0-9A-Fa-f:]+\]|[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?)(?::[0-9]{1,5})?$")]
    private static partial Regex RegistryHostPattern();

    // OCI distribution-spec repository name grammar.
    [GeneratedRegex(@"^[a-z0-9]+(?:(?:\.|_|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:\.|_|__|-+)[a-z0-9]+)*)*$")]
    private static partial Regex RepositoryPathPattern();
}
