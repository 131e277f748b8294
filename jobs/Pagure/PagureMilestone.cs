namespace Releng.Jobs.Pagure;

public sealed record PagureMilestone(bool Active, string? Date = null);
