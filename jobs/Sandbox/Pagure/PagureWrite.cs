namespace Releng.Jobs.Sandbox.Pagure;

/// <summary>One write the fake received: who, what, the form it sent, and the status it answered.</summary>
public sealed class PagureWrite
{
    public DateTimeOffset At { get; set; }
    public string? User { get; set; }
    public string Path { get; set; } = "";
    public Dictionary<string, string> Form { get; set; } = [];
    public int Status { get; set; }
}
