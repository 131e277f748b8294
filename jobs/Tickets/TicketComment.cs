namespace Releng.Jobs.Tickets;

/// <summary>
/// A ticket comment. <see cref="IsSystem"/> marks comments the tracker writes itself on metadata changes
/// ("Metadata Update from @user"); they are never human commands.
/// </summary>
public sealed record TicketComment(long Id, string Author, string Text, DateTimeOffset Date, bool IsSystem = false);
