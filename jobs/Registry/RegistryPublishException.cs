namespace Releng.Jobs.Registry;

/// <summary>The images to publish are not what the request claims, so nothing is pushed.</summary>
public sealed class RegistryPublishException(string message) : Exception(message);
