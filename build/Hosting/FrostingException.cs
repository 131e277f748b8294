namespace Releng.Build.Hosting;

public sealed class FrostingException(string message) : Exception(message);
