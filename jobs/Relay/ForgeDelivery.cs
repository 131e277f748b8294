namespace Releng.Jobs.Relay;

/// <summary>One webhook request from the forge: the headers the relay reads and the raw body the signature covers.</summary>
public sealed record ForgeDelivery(string? Event, string? Delivery, string? Signature, ReadOnlyMemory<byte> Body);
