namespace Releng.Jobs.Services;

/// <summary>The account the releng bot acts as on Pagure and dist-git, unless a token tells otherwise.</summary>
public static class BotAccount
{
    public const string DefaultName = "releng-bot";
}
