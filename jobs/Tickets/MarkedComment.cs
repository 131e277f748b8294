namespace Releng.Jobs.Tickets;

/// <summary>A bot-authored comment and the marker found in it.</summary>
public sealed record MarkedComment(TicketComment Comment, BotMarker Marker);
