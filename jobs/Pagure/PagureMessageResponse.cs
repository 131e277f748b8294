using System.Text.Json.Serialization;

namespace Releng.Jobs.Pagure;

/// <summary>The answer of the status, assign and custom-field writes.</summary>
public sealed record PagureMessageResponse(
    [property: JsonConverter(typeof(PagureMessagesConverter))] IReadOnlyList<string> Message)
{
    /// <summary>The server's words for a write that found nothing to change.</summary>
    public static IReadOnlyList<string> NoChangeMessages { get; } = ["No changes", "Nothing to change"];

    public bool Changed => Message.Count > 0 && !(Message.Count == 1 && NoChangeMessages.Contains(Message[0]));
}
