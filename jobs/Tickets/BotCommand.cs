namespace Releng.Jobs.Tickets;

/// <summary>A command found in a human comment: what, who (to check rights for <c>valid</c>), and which comment.</summary>
public sealed record BotCommand(BotCommandKind Kind, string Author, long CommentId, DateTimeOffset Date);
