namespace Releng.Jobs.Sandbox.Bugzilla;

/// <summary>A bug in the fake Bugzilla. E-mail fields hold full addresses; the fake filters them for anonymous callers.</summary>
public sealed class BugRecord
{
    public int Id { get; set; }
    public string Summary { get; set; } = "";
    public string Status { get; set; } = "NEW";
    public string Resolution { get; set; } = "";
    public string Product { get; set; } = "Fedora";
    public List<string> Component { get; set; } = [];
    public string Version { get; set; } = "rawhide";
    public string Creator { get; set; } = "";
    public string AssignedTo { get; set; } = "";
    public DateTimeOffset CreationTime { get; set; }
    public DateTimeOffset LastChangeTime { get; set; }
    public List<FlagRecord> Flags { get; set; } = [];
    public List<CommentRecord> Comments { get; set; } = [];
}

public sealed class FlagRecord
{
    public int Id { get; set; }
    public int TypeId { get; set; }
    public string Name { get; set; } = "";
    public string Status { get; set; } = "";
    public string Setter { get; set; } = "";
    public DateTimeOffset CreationDate { get; set; }
    public DateTimeOffset ModificationDate { get; set; }
}

public sealed class CommentRecord
{
    public int Id { get; set; }
    /// <summary>Position on the bug; 0 is the description.</summary>
    public int Count { get; set; }
    public string Text { get; set; } = "";
    public string Creator { get; set; } = "";
    public DateTimeOffset CreationTime { get; set; }
    public bool IsPrivate { get; set; }
}
