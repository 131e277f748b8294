namespace Releng.Jobs.Sandbox.Forgejo;

public sealed class ForgejoRepoState
{
    public long Id { get; set; }
    public bool Private { get; set; }
    public List<string> Writers { get; set; } = [];
    public List<ForgejoLabelState> Labels { get; set; } = [];
    public List<ForgejoIssueState> Issues { get; set; } = [];
}
