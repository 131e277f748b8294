namespace Releng.Jobs.Planning;

/// <summary>One fact a decision rests on, e.g. <c>retired</c> = <c>21 days ago (2026-11-03)</c>.</summary>
public sealed record Evidence(string Fact, string Value);
