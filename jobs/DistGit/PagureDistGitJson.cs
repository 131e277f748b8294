using System.Text.Json;

namespace Releng.Jobs.DistGit;

// Wire shapes of src.fedoraproject.org (Pagure API 0.31), read with snake_case names. Fields the jobs do not use
// are left out; the fake writes the full shapes.

public sealed record PagureProjectJson(
    int Id,
    string Name,
    string? Namespace,
    string Fullname,
    string? Description,
    string? FullUrl,
    string? DateCreated,
    string? DateModified,
    PagureAccessJson? AccessUsers,
    PagureAccessJson? AccessGroups);

public sealed record PagureAccessJson(
    List<string>? Owner,
    List<string>? Admin,
    List<string>? Commit,
    List<string>? Collaborator,
    List<string>? Ticket);

/// <summary>With <c>with_commits</c>, <c>branches</c> is <c>{name: sha}</c> and <c>default</c> is <c>{name: sha}</c> (or <c>{}</c>).</summary>
public sealed record PagureBranchesJson(int TotalBranches, JsonElement Branches, JsonElement Default);

/// <summary><c>message</c> is a string or a list of strings depending on the endpoint.</summary>
public sealed record PagureMessageJson(JsonElement Message);

public sealed record PagureMainAdminJson(string MainAdmin);

public sealed record PagureUsersJson(List<string>? Users, int? TotalUsers);

