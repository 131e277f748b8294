namespace Releng.Jobs.Reviews;

/// <summary>A Fedora account (FAS) as the review rules see it: its name, its e-mail, and whether it is in <c>packager</c>.</summary>
public sealed record FedoraAccount(string User, string Email, bool IsPackager);
