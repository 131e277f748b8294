using System.Text.RegularExpressions;

namespace Releng.Jobs.Registry;

/// <summary>A repository with either a tag (<c>quay.io/fedora/fedora:44</c>) or a digest (<c>…@sha256:…</c>).</summary>
public sealed partial record ImageReference
{
    private ImageReference(RepositoryReference repository, string? tag, string? digest)
    {
        Repository = repository;
        Tag = tag;
        Digest = digest;
    }

    public RepositoryReference Repository { get; }

    public string? Tag { get; }

    public string? Digest { get; }

    /// <exception cref="FormatException">The tag breaks the OCI tag grammar.</exception>
    public static ImageReference Tagged(RepositoryReference repository, string tag)
    {
        ArgumentNullException.ThrowIfNull(repository);
        if (!TagPattern().IsMatch(tag ?? ""))
        {
            throw new FormatException($"'{tag}' is not a valid tag ([A-Za-z0-9_][A-Za-z0-9._-]{{0,127}}).");
        }
        return new ImageReference(repository, tag, null);
    }

    /// <exception cref="FormatException">Not a <c>sha256:</c> digest.</exception>
    public static ImageReference Digested(RepositoryReference repository, string digest)
    {
        ArgumentNullException.ThrowIfNull(repository);
        if (!Digests.IsSha256(digest))
        {
            throw new FormatException($"'{digest}' is not a sha256 digest.");
        }
        return new ImageReference(repository, null, digest);
    }

    /// <summary>Parses <c>registry/repository:tag</c> or <c>registry/repository@sha256:…</c>.</summary>
    public static ImageReference Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var at = text.IndexOf('@', StringComparison.Ordinal);
        if (at >= 0)
        {
            return Digested(RepositoryReference.Parse(text[..at]), text[(at + 1)..]);
        }
        var colon = text.LastIndexOf(':');
        if (colon > text.IndexOf('/', StringComparison.Ordinal) && colon > 0)
        {
            return Tagged(RepositoryReference.Parse(text[..colon]), text[(colon + 1)..]);
        }
        throw new FormatException($"'{text}' has neither a tag nor a digest.");
    }

    /// <summary>The reference in skopeo's <c>docker://</c> transport syntax.</summary>
    public string ToDockerTransport() => $"docker://{this}";

    public override string ToString() => Tag is not null ? $"{Repository}:{Tag}" : $"{Repository}@{Digest}";

    [GeneratedRegex("^[A-Za-z0-9_][A-Za-z0-9._-]{0,127}$")]
    private static partial Regex TagPattern();
}
