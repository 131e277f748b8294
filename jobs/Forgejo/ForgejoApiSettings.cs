namespace Releng.Jobs.Forgejo;

/// <summary>
/// <c>GET /settings/api</c>: the instance's page sizes. A larger <c>limit</c> than <see cref="MaxResponseItems"/> is
/// silently clamped, so a client that asks for more and stops at a short page would stop after the first page.
/// </summary>
public sealed record ForgejoApiSettings(int MaxResponseItems, int DefaultPagingNum);
