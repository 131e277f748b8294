namespace Releng.Jobs.Forgejo;

/// <summary><c>GET /version</c>: <c>15.0.3+gitea-1.22.0</c> style.</summary>
public sealed record ForgejoVersion(string Version);
