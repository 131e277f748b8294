namespace Releng.Jobs.Planning;

/// <summary>
/// What a job decided about one subject (a ticket such as <c>releng#12345</c>, an image, a tag), why, and on what
/// evidence. <see cref="Steps"/> are the writes that carry it out, in order; an empty list means nothing to do.
/// </summary>
public sealed record Decision(
    string Subject,
    string Action,
    string Reason,
    IReadOnlyList<Evidence> Evidence,
    IReadOnlyList<Step> Steps)
{
    public static Decision NothingToDo(string subject, string action, string reason, params Evidence[] evidence) =>
        new(subject, action, reason, evidence, []);
}
