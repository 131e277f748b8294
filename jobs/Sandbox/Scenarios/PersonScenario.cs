namespace Releng.Jobs.Sandbox.Scenarios;

public sealed class PersonScenario
{
    public bool Packager { get; set; } = true;
    public string? Email { get; set; }
    public string? Fullname { get; set; }
    /// <summary>FAS groups, e.g. <c>provenpackager</c>, <c>releng</c>.</summary>
    public List<string> Groups { get; set; } = [];

    public string EmailOr(string user) => Email ?? $"{user}@fedoraproject.org";
}
