namespace Releng.Jobs.Pagure;

/// <summary>The API version (<c>"0.31"</c>), not the Pagure release.</summary>
public sealed record PagureVersion(string Version);
