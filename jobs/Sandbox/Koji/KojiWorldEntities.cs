namespace Releng.Jobs.Sandbox.Koji;

// Plain rows of the fake hub's tables. Versioned rows carry create/revoke events like Koji's own tables, so
// "as of event E" queries and queryHistory work.

public sealed class KojiWorldEvent
{
    public int Id { get; set; }
    public DateTimeOffset Time { get; set; }
}

public sealed class KojiWorldUser
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public string? Password { get; set; }
    public bool Certificate { get; set; }
    public List<string> Permissions { get; set; } = [];
}

public sealed class KojiWorldSession
{
    public int Id { get; set; }
    public string Key { get; set; } = "";
    public int UserId { get; set; }
    /// <summary>0 password, 2 SSL, 3 GSSAPI.</summary>
    public int AuthType { get; set; }
    public bool Active { get; set; } = true;
}

public sealed class KojiWorldTag
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public string? Arches { get; set; }
    public bool Locked { get; set; }
    /// <summary>Parent tag ids, nearest first.</summary>
    public List<int> Parents { get; set; } = [];
}

public sealed class KojiWorldPackage
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
}

public sealed class KojiWorldPackageEntry
{
    public int TagId { get; set; }
    public int PackageId { get; set; }
    public bool Blocked { get; set; }
    public int OwnerId { get; set; }
    public string? ExtraArches { get; set; }
    public int CreateEvent { get; set; }
    public int? RevokeEvent { get; set; }
    public int CreatorId { get; set; }
    public int? RevokerId { get; set; }
}

public sealed class KojiWorldBuild
{
    public int Id { get; set; }
    public int PackageId { get; set; }
    public string Name { get; set; } = "";
    public string Version { get; set; } = "";
    public string Release { get; set; } = "";
    public int? Epoch { get; set; }
    /// <summary>koji.BUILD_STATES value.</summary>
    public int State { get; set; } = 1;
    /// <summary><c>rpm</c> or <c>image</c>.</summary>
    public string Type { get; set; } = "rpm";
    public int OwnerId { get; set; }
    public int? TaskId { get; set; }
    public int CreationEventId { get; set; }
    public DateTimeOffset CreationTime { get; set; }
    public DateTimeOffset? StartTime { get; set; }
    public DateTimeOffset? CompletionTime { get; set; }
    public string? Source { get; set; }
    /// <summary>The content generator that imported the build (then <see cref="TaskId"/> is null); null for builds made by tasks.</summary>
    public int? CgId { get; set; }
    public string? CgName { get; set; }

    public string Nvr => $"{Name}-{Version}-{Release}";
}

public sealed class KojiWorldTagging
{
    public int TagId { get; set; }
    public int BuildId { get; set; }
    public int CreateEvent { get; set; }
    public int? RevokeEvent { get; set; }
    public int CreatorId { get; set; }
    public int? RevokerId { get; set; }
}

public sealed class KojiWorldArchive
{
    public int Id { get; set; }
    public int BuildId { get; set; }
    public string Filename { get; set; } = "";
    public string Arch { get; set; } = "";
    public long Size { get; set; }
    public string Checksum { get; set; } = "";
    public List<int> RpmIds { get; set; } = [];
}

public sealed class KojiWorldRpm
{
    public int Id { get; set; }
    public int BuildId { get; set; }
    public string Name { get; set; } = "";
    public string Version { get; set; } = "";
    public string Release { get; set; } = "";
    public int? Epoch { get; set; }
    public string Arch { get; set; } = "";
    public long Size { get; set; }
    public long BuildTime { get; set; }
}

public sealed class KojiWorldTarget
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public int BuildTagId { get; set; }
    public int DestTagId { get; set; }
}

public sealed class KojiWorldRepo
{
    public int Id { get; set; }
    public int TagId { get; set; }
    /// <summary>koji.REPO_STATES value.</summary>
    public int State { get; set; } = 1;
    public int CreateEvent { get; set; }
    public DateTimeOffset CreationTime { get; set; }
}

public sealed class KojiWorldTask
{
    public int Id { get; set; }
    public string Method { get; set; } = "";
    /// <summary>koji.TASK_STATES value.</summary>
    public int State { get; set; } = 1;
    public int OwnerId { get; set; }
    public string Arch { get; set; } = "noarch";
    public int Priority { get; set; } = 20;
    public DateTimeOffset CreateTime { get; set; }
    public DateTimeOffset? StartTime { get; set; }
    public DateTimeOffset? CompletionTime { get; set; }
    /// <summary>The call arguments as an XML-RPC <c>&lt;methodCall&gt;</c> document, so any value survives the JSON save.</summary>
    public string RequestXml { get; set; } = "";
}
