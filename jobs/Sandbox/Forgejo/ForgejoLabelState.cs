namespace Releng.Jobs.Sandbox.Forgejo;

public sealed class ForgejoLabelState
{
    public long Id { get; set; }
    public string Name { get; set; } = "";
    /// <summary>Six hex digits without <c>#</c>, as Forgejo stores and sends it.</summary>
    public string Color { get; set; } = "e11d21";
    public string Description { get; set; } = "";
    public bool Exclusive { get; set; }
    public bool IsArchived { get; set; }

    /// <summary><c>Closed As</c> of <c>Closed As/Processed</c>; null for a label without a scope.</summary>
    public string? Scope => Name.LastIndexOf('/') is > 0 and var slash ? Name[..slash] : null;
}
