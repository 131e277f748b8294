namespace Releng.Jobs.Forgejo;

/// <summary>
/// A repository or organization label. <see cref="Exclusive"/> scoped labels (<c>Closed As/Processed</c>) replace any
/// other label of the same scope when added. <see cref="Color"/> is six hex digits without <c>#</c>.
/// </summary>
public sealed record ForgejoLabel(long Id, string Name, string Color, string Description, bool Exclusive, bool IsArchived);
