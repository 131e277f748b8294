namespace Releng.Jobs.Accounts;

/// <summary>A Fedora account (FAS): its user name, its e-mail, and whether it is in the <c>packager</c> group.</summary>
public sealed record FedoraAccount(string User, string Email, bool IsPackager);
