namespace Releng.Jobs.Forgejo;

/// <summary>A Forgejo account as the API shows it. The Pagure migration's Ghost user (id −1) stands for unmapped authors.</summary>
public sealed record ForgejoUser(long Id, string Login)
{
    /// <summary>Login of the placeholder account migrated tickets and comments carry (<c>original_author</c> names the real one).</summary>
    public const string GhostLogin = "Ghost";

    /// <summary>The author a person would name: <paramref name="originalAuthor"/> for Ghost-owned migrated content.</summary>
    public static string AuthorOf(ForgejoUser? user, string? originalAuthor) =>
        (user is null || string.Equals(user.Login, GhostLogin, StringComparison.Ordinal)) && !string.IsNullOrEmpty(originalAuthor)
            ? originalAuthor
            : user?.Login ?? GhostLogin;
}
