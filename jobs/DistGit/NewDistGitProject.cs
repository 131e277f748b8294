namespace Releng.Jobs.DistGit;

/// <summary>
/// A project to create, as the SCM-request processing does: description (the package summary or
/// "The {name} package"), upstream URL, the default branch and whether to make an initial commit with a README.
/// </summary>
public sealed record NewDistGitProject(
    DistGitRepo Repo,
    string Description,
    string? UpstreamUrl = null,
    string DefaultBranch = "rawhide",
    bool CreateReadme = true);
