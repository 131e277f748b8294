namespace Releng.Jobs.Pagure;

/// <summary>
/// The list's paging block. <see cref="Pages"/> is the number to trust (0 when nothing matched); the links are
/// informative only, because Pagure keeps just the first value of a repeated parameter such as <c>tags</c>.
/// </summary>
public sealed record PagurePagination(
    int Page,
    int Pages,
    int PerPage,
    string? First = null,
    string? Last = null,
    string? Next = null,
    string? Prev = null);
