namespace Releng.Jobs.Benchmarks;

/// <summary>The checkout the benchmark runs from (the folder holding build.sh).</summary>
public static class RepositoryRoot
{
    public static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "build.sh")) && File.Exists(Path.Combine(dir.FullName, "jobs.yaml")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("the benchmark runs from a checkout: no folder above it holds build.sh and jobs.yaml");
    }
}
