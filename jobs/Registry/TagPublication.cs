namespace Releng.Jobs.Registry;

public enum PublicationStatus
{
    /// <summary>The index was pushed and the tag now points to it.</summary>
    Pushed,

    /// <summary>The tag already pointed to an index of the same per-platform images; nothing was written.</summary>
    AlreadyPublished,
}

/// <summary>What publishing did to one tag; <see cref="Digest"/> is what the tag points to afterwards.</summary>
public sealed record TagPublication(ImageReference Tag, PublicationStatus Status, string Digest)
{
    public override string ToString() => Status == PublicationStatus.Pushed
        ? $"{Tag}: pushed {Digest}"
        : $"{Tag}: already published {Digest}";
}
