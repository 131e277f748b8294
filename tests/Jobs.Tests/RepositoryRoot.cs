namespace Releng.Jobs.Tests;

public static class RepositoryRoot
{
    /// <summary>The checkout the tests were built from: the nearest parent folder with Jobs.sln.</summary>
    public static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Jobs.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("Jobs.sln not found above " + AppContext.BaseDirectory);
    }
}
