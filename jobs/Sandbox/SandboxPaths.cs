namespace Releng.Jobs.Sandbox;

/// <summary>Where the sandbox keeps its saved world between runs (default <c>artifacts/sandbox/</c>).</summary>
public sealed record SandboxPaths(string Root)
{
    public string WorldFile => Path.Combine(Root, "world.json");
    /// <summary>Bare git repositories that stand in for dist-git, as <c>{GitRoot}/{namespace}/{name}.git</c>.</summary>
    public string GitRoot => Path.Combine(Root, "git");
}
