namespace Releng.Jobs.Pagure;

public sealed record PagureWhoAmI(string Username);
