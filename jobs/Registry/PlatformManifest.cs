namespace Releng.Jobs.Registry;

/// <summary>One entry of an index or manifest list: the manifest of one platform.</summary>
public sealed record PlatformManifest(Platform? Platform, string Digest, string MediaType, long Size);
