namespace Releng.Jobs.Sandbox.Forgejo;

public sealed class ForgejoOrgState
{
    public List<string> Members { get; set; } = [];
    public List<ForgejoLabelState> Labels { get; set; } = [];
}
