using System.Text.Json.Serialization;

namespace Releng.Jobs.Forgejo;

/// <summary><c>POST …/issues/{index}/comments</c>.</summary>
public sealed record ForgejoCommentForm(string Body);

/// <summary>
/// <c>PATCH …/issues/{index}</c>: only the fields that are set are sent (<see cref="ForgejoJson"/> leaves nulls out),
/// so a close does not touch the assignees and an assignment does not reopen.
/// </summary>
public sealed record ForgejoEditIssueForm
{
    /// <summary><c>closed</c> closes; any other value opens.</summary>
    public string? State { get; init; }

    /// <summary>The complete assignee set; empty unassigns everyone.</summary>
    public IReadOnlyList<string>? Assignees { get; init; }
}

/// <summary><c>POST …/issues/{index}/labels</c> by id: names would also work on v13+, ids work on every version.</summary>
public sealed record ForgejoIssueLabelsForm([property: JsonPropertyName("labels")] IReadOnlyList<long> Labels);
