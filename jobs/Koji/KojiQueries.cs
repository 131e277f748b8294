namespace Releng.Jobs.Koji;

/// <summary>Keyword arguments of <c>listTagged</c>. <see cref="AtEvent"/> reads the tag as of that event.</summary>
public sealed record ListTaggedOptions
{
    public int? AtEvent { get; init; }
    public bool Inherit { get; init; }
    /// <summary>Keep the most recently tagged build per package.</summary>
    public bool Latest { get; init; }
    public string? Package { get; init; }
    /// <summary>Build type, e.g. <c>image</c>.</summary>
    public string? Type { get; init; }
}

/// <summary>Filters of <c>listBuilds</c> (not tag-aware). Times are compared strictly (&gt; / &lt;).</summary>
public sealed record ListBuildsQuery
{
    /// <summary>Package name (sent as <c>packageID</c>, which takes a name or an id).</summary>
    public string? Package { get; init; }
    public KojiBuildState? State { get; init; }
    public string? Type { get; init; }
    public int? TaskId { get; init; }
    public DateTimeOffset? CreatedAfter { get; init; }
    public DateTimeOffset? CreatedBefore { get; init; }
    public DateTimeOffset? CompletedAfter { get; init; }
    public DateTimeOffset? CompletedBefore { get; init; }
    /// <summary><c>queryOpts.order</c>, e.g. <c>-completion_time</c>.</summary>
    public string? Order { get; init; }
    public int? Limit { get; init; }
}

/// <summary>Filters of <c>queryHistory</c>. <see cref="Tag"/> is exact (no inheritance).</summary>
public sealed record KojiHistoryQuery
{
    /// <summary>e.g. <c>tag_listing</c>, <c>tag_packages</c>, <c>tag_inheritance</c>; empty = every table the filters apply to.</summary>
    public IReadOnlyList<string> Tables { get; init; } = [];
    public string? Tag { get; init; }
    public string? Package { get; init; }
    public string? Build { get; init; }
    public int? AfterEvent { get; init; }
    public int? BeforeEvent { get; init; }
    public bool? Active { get; init; }
}

/// <summary>Filters of <c>listTasks</c>. Requests are decoded (<c>decode=True</c>) so <see cref="KojiTaskInfo.Request"/> is readable.</summary>
public sealed record KojiTaskQuery
{
    public string? Method { get; init; }
    public IReadOnlyList<KojiTaskState> States { get; init; } = [];
    /// <summary>The owner's user id: the hub's <c>listTasks</c> compares it with the owner column and refuses a name.</summary>
    public int? OwnerId { get; init; }
    public DateTimeOffset? CreatedAfter { get; init; }
    public string? Order { get; init; }
    public int? Limit { get; init; }

    public static IReadOnlyList<KojiTaskState> ActiveStates { get; } =
        [KojiTaskState.Free, KojiTaskState.Open, KojiTaskState.Assigned];
}

/// <summary>
/// Arguments of the kiwi plugin's <c>kiwiBuild(target, arches, desc_url, desc_path, …)</c>. Needs the <c>image</c>
/// permission. The result is imported as an image build and tagged into the target's destination tag.
/// </summary>
public sealed record KiwiBuildRequest
{
    public required string Target { get; init; }
    public required IReadOnlyList<string> Arches { get; init; }
    /// <summary>SCM URL of the kiwi descriptions, e.g. <c>git+https://…/fedora-kiwi-descriptions.git#&lt;commit&gt;</c>.</summary>
    public required string DescriptionUrl { get; init; }
    /// <summary>Path of the .kiwi file inside the repository, e.g. <c>Fedora.kiwi</c>.</summary>
    public required string DescriptionPath { get; init; }
    /// <summary>e.g. <c>Container-Base-Generic</c>; the build name is the image name plus the profile.</summary>
    public string? Profile { get; init; }
    public IReadOnlyList<string> OptionalArches { get; init; } = [];
    public bool Scratch { get; init; }
    public int? Priority { get; init; }
    public string? Release { get; init; }
    public string? Version { get; init; }
    public IReadOnlyList<string> Repos { get; init; } = [];
    public string? Type { get; init; }
    public bool? UseBuildrootRepo { get; init; }
    public string? ResultBundleNameFormat { get; init; }
    public string? RepoReleasever { get; init; }
}
