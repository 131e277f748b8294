namespace Releng.Jobs.Sandbox.Pagure;

public sealed class PagureProjectState
{
    public string Description { get; set; } = "";
    public string Owner { get; set; } = "releng";
    public List<string> Committers { get; set; } = [];
    public List<string> CloseStatuses { get; set; } = [];
    public List<string> Milestones { get; set; } = [];
    /// <summary>Custom issue fields by name → type.</summary>
    public Dictionary<string, string> CustomFields { get; set; } = [];
    public DateTimeOffset DateCreated { get; set; }
    public List<PagureIssueState> Issues { get; set; } = [];
}
