namespace Releng.Jobs.Pagure;

/// <summary>The answer to <c>POST /api/0/-/whoami</c>: the token's account. A POST that only reads, so it is retried like a GET.</summary>
public sealed record PagureWhoAmI(string Username)
{
    public const string Path = "/api/0/-/whoami";
}
