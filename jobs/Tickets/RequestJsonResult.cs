namespace Releng.Jobs.Tickets;

/// <summary>
/// <see cref="RequestJson.Parse"/>'s answer: the object, or why the body holds none (a sentence for the ticket).
/// <see cref="IsJson"/> is false when the body holds no JSON object at all or one that does not parse (a hand-written
/// ticket may be read otherwise); true when it is JSON that breaks a rule (a key twice, too long).
/// </summary>
public sealed record RequestJsonResult(RequestJsonObject? Object, string? Problem, bool IsJson = true)
{
    public static RequestJsonResult Valid(RequestJsonObject json) => new(json, null);
    public static RequestJsonResult Invalid(string problem) => new(null, problem);
    public static RequestJsonResult NotJson(string problem) => new(null, problem, IsJson: false);
}
