using Releng.Jobs.Configuration;

namespace Releng.Jobs.Workflows;

/// <summary>Compares generated workflows with the files on disk (<see cref="Check"/>) or brings the disk up to date (<see cref="Write"/>).</summary>
public static class WorkflowSync
{
    /// <summary>What differs between the generated workflows and <c>&lt;repoRoot&gt;/.github/workflows/</c>; reads only.</summary>
    public static WorkflowDrift Check(string repoRoot, JobsFile jobsFile, TaskCatalog catalog, WorkflowOptions? options = null) =>
        Compare(repoRoot, new WorkflowGenerator(catalog, options).Generate(jobsFile));

    /// <summary>
    /// Writes every generated workflow whose content changed, deletes generated workflows whose job is gone or
    /// disabled, and returns the drift that was fixed. Hand-written workflows are left alone.
    /// </summary>
    public static WorkflowDrift Write(string repoRoot, JobsFile jobsFile, TaskCatalog catalog, WorkflowOptions? options = null)
    {
        var generated = new WorkflowGenerator(catalog, options).Generate(jobsFile);
        var drift = Compare(repoRoot, generated);
        Directory.CreateDirectory(Path.Combine(repoRoot, WorkflowGenerator.Folder));
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
        var folder = Path.Combine(repoRoot, WorkflowGenerator.Folder);
        var extra = !Directory.Exists(folder)
            ? []
            : Directory.EnumerateFiles(folder)
                .Where(p => p.EndsWith(".yml", StringComparison.Ordinal) || p.EndsWith(".yaml", StringComparison.Ordinal))
                .Select(p => $"{WorkflowGenerator.Folder}/{Path.GetFileName(p)}")
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
