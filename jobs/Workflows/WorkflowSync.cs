using Releng.Jobs.Configuration;

namespace Releng.Jobs.Workflows;

/// <summary>
/// Compares generated workflows with the files on disk (<see cref="Check"/>) or brings the disk up to date
/// (<see cref="Write"/>): GitHub's in <c>.github/workflows/</c> and Forgejo's in <c>.forgejo/workflows/</c>.
/// </summary>
public static class WorkflowSync
{
    /// <summary>The folders generated workflows are written to.</summary>
    public static IReadOnlyList<string> Folders { get; } = [WorkflowGenerator.Folder, ForgejoWorkflowGenerator.Folder];

    /// <summary>What differs between the generated workflows and both workflow folders under <paramref name="repoRoot"/>; reads only.</summary>
    public static WorkflowDrift Check(string repoRoot, JobsFile jobsFile, TaskCatalog catalog, WorkflowOptions? options = null, ForgejoWorkflowOptions? forgejo = null) =>
        Compare(repoRoot, Generate(jobsFile, catalog, options, forgejo));

    /// <summary>Every workflow jobs.yaml calls for, GitHub's and Forgejo's, with the schedule warnings once.</summary>
    public static GeneratedWorkflows Generate(JobsFile jobsFile, TaskCatalog catalog, WorkflowOptions? options = null, ForgejoWorkflowOptions? forgejo = null)
    {
        var github = new WorkflowGenerator(catalog, options).Generate(jobsFile);
        var files = github.Files.Concat(new ForgejoWorkflowGenerator(catalog, forgejo).Generate(jobsFile))
            .OrderBy(f => f.Path, StringComparer.Ordinal)
            .ToList();
        return new GeneratedWorkflows(files, github.Warnings);
    }

    /// <summary>
    /// Writes every generated workflow whose content changed, deletes generated workflows whose job is gone or
    /// disabled, and returns the drift that was fixed. Hand-written workflows are left alone.
    /// </summary>
    public static WorkflowDrift Write(string repoRoot, JobsFile jobsFile, TaskCatalog catalog, WorkflowOptions? options = null, ForgejoWorkflowOptions? forgejo = null)
    {
        var generated = Generate(jobsFile, catalog, options, forgejo);
        var drift = Compare(repoRoot, generated);
        foreach (var folder in Folders)
        {
            Directory.CreateDirectory(FullPath(repoRoot, folder));
        }
        var changed = drift.Differing.Concat(drift.Missing).ToHashSet(StringComparer.Ordinal);
        foreach (var file in generated.Files.Where(f => changed.Contains(f.Path)))
        {
            File.WriteAllText(FullPath(repoRoot, file.Path), file.Content);
        }
        foreach (var path in drift.Extra)
        {
            File.Delete(FullPath(repoRoot, path));
        }
        return drift;
    }

    public static WorkflowDrift Compare(string repoRoot, GeneratedWorkflows generated)
    {
        var differing = new List<string>();
        var missing = new List<string>();
        foreach (var file in generated.Files)
        {
            var path = FullPath(repoRoot, file.Path);
            if (!File.Exists(path))
            {
                missing.Add(file.Path);
            }
            // A checkout with CRLF line endings holds the same workflow.
            else if (File.ReadAllText(path).ReplaceLineEndings("\n") != file.Content)
            {
                differing.Add(file.Path);
            }
        }
        var expected = generated.Files.Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
        var extra = Folders
            .Where(folder => Directory.Exists(FullPath(repoRoot, folder)))
            .SelectMany(folder => Directory.EnumerateFiles(FullPath(repoRoot, folder))
                .Where(p => p.EndsWith(".yml", StringComparison.Ordinal) || p.EndsWith(".yaml", StringComparison.Ordinal))
                .Select(p => $"{folder}/{Path.GetFileName(p)}"))
            .Where(p => !expected.Contains(p) && IsGenerated(FullPath(repoRoot, p)))
            .Order(StringComparer.Ordinal)
            .ToList();
        return new WorkflowDrift(differing, missing, extra, generated.Warnings);
    }

    private static bool IsGenerated(string path)
    {
        using var reader = new StreamReader(path);
        return reader.ReadLine()?.Contains(WorkflowGenerator.Header, StringComparison.Ordinal) == true;
    }

    private static string FullPath(string repoRoot, string relative) =>
        Path.Combine(repoRoot, relative.Replace('/', Path.DirectorySeparatorChar));
}
