using Refit;

namespace Releng.Jobs.Pagure;

/// <summary>Form body of a new comment. Markdown; form encoding keeps a literal <c>+</c>.</summary>
public sealed record PagureCommentForm([property: AliasAs("comment")] string Comment);

/// <summary>
/// Form body of a status change: <c>status</c> is <c>Open</c>, <c>Closed</c> or a close-status name;
/// <c>close_status</c> must be one of the project's close statuses (left out when null).
/// </summary>
public sealed record PagureStatusForm(
    [property: AliasAs("status")] string Status,
    [property: AliasAs("close_status")] string? CloseStatus = null);

/// <summary>Form body of an assignment; an empty user name unassigns.</summary>
public sealed record PagureAssignForm([property: AliasAs("assignee")] string Assignee);

public sealed record PagureCustomFieldForm([property: AliasAs("value")] string Value);
