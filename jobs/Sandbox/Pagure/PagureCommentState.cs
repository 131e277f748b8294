namespace Releng.Jobs.Sandbox.Pagure;

public sealed class PagureCommentState
{
    public long Id { get; set; }
    public string Author { get; set; } = "";
    public string Text { get; set; } = "";
    public DateTimeOffset DateCreated { get; set; }
    public bool Notification { get; set; }
}
