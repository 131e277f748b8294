using System.Collections;
using System.Text.RegularExpressions;

namespace Releng.Jobs.Secrets;

/// <summary>
/// Credentials per registry host, for pushes that go to registries with different accounts:
/// <c>REGISTRY_&lt;NAME&gt;_USER</c>/<c>REGISTRY_&lt;NAME&gt;_PASSWORD</c>, or <c>REGISTRY_&lt;NAME&gt;_AUTH_FILE</c> (the path
/// of a containers auth file, e.g. from <c>skopeo login</c>), where NAME is the host in capitals with every other
/// character an underscore: <c>quay.io</c> → <c>QUAY_IO</c>, <c>registry.fedoraproject.org</c> →
/// <c>REGISTRY_FEDORAPROJECT_ORG</c>, <c>localhost:5000</c> → <c>LOCALHOST_5000</c>. A registry without its own falls
/// back to the shared <c>REGISTRY_USER</c>/<c>REGISTRY_PASSWORD</c>.
/// </summary>
public sealed partial class RegistryLogins
{
    private readonly IReadOnlyDictionary<string, string> _variables;

    private RegistryLogins(IReadOnlyDictionary<string, string> variables) => _variables = variables;

    public static RegistryLogins None { get; } = new(new Dictionary<string, string>());

    /// <summary>The per-registry variables among <paramref name="names"/> (default: the process environment's), read through <paramref name="read"/>.</summary>
    public static RegistryLogins FromEnvironment(Func<string, string?>? read = null, IEnumerable<string>? names = null)
    {
        read ??= Environment.GetEnvironmentVariable;
        names ??= Environment.GetEnvironmentVariables().Keys.Cast<object>().Select(k => k.ToString()!);
        var variables = names.Where(n => PerRegistry().IsMatch(n) && n is not ("REGISTRY_USER" or "REGISTRY_PASSWORD"))
            .Select(n => (Name: n, Value: read(n)))
            .Where(v => v.Value is { Length: > 0 })
            .ToDictionary(v => v.Name, v => v.Value!, StringComparer.Ordinal);
        return new RegistryLogins(variables);
    }

    /// <summary>e.g. <c>REGISTRY_QUAY_IO_</c> for <c>quay.io</c>.</summary>
    public static string VariablePrefix(string registryHost) => $"REGISTRY_{NonAlphanumeric().Replace(registryHost.ToUpperInvariant(), "_")}_";

    /// <summary>The variables that give <paramref name="registryHost"/> its own login, e.g. <c>REGISTRY_QUAY_IO_USER</c>.</summary>
    public static IReadOnlyList<string> VariablesOf(string registryHost)
    {
        var prefix = VariablePrefix(registryHost);
        return [prefix + "USER", prefix + "PASSWORD", prefix + "AUTH_FILE"];
    }

    /// <summary>The registry's own user and password, or its auth file; null when it has neither.</summary>
    public RegistryLogin? For(string registryHost)
    {
        var prefix = VariablePrefix(registryHost);
        if (_variables.GetValueOrDefault(prefix + "AUTH_FILE") is { } file)
        {
            return new RegistryLogin(null, null, file);
        }
        return _variables.GetValueOrDefault(prefix + "USER") is { } user && _variables.GetValueOrDefault(prefix + "PASSWORD") is { } password
            ? new RegistryLogin(user, password, null)
            : null;
    }

    /// <summary>The variable names that are set (never their values).</summary>
    public IEnumerable<string> Names => _variables.Keys.Order(StringComparer.Ordinal);

    /// <summary>
    /// For masking: the passwords, and every credential in the auth files the variables name (the <c>auth</c> value,
    /// the password inside it, identity and registry tokens), so a tool that echoes an entry of one cannot print it.
    /// </summary>
    public IEnumerable<string> Secrets =>
        _variables.Where(v => v.Key.EndsWith("_PASSWORD", StringComparison.Ordinal)).Select(v => v.Value)
            .Concat(_variables.Where(v => v.Key.EndsWith("_AUTH_FILE", StringComparison.Ordinal)).SelectMany(v => AuthFileSecrets.Read(v.Value)))
            .Concat(_variables.Where(v => v.Key.EndsWith("_USER", StringComparison.Ordinal))
                .Select(v => (User: v.Value, Password: _variables.GetValueOrDefault(v.Key[..^"USER".Length] + "PASSWORD")))
                .Where(pair => pair.Password is not null)
                .Select(pair => AuthFileSecrets.AuthOf(pair.User, pair.Password!)));

    [GeneratedRegex("^REGISTRY_[A-Z0-9_]+_(USER|PASSWORD|AUTH_FILE)$")]
    private static partial Regex PerRegistry();

    [GeneratedRegex("[^A-Z0-9]")]
    private static partial Regex NonAlphanumeric();
}

/// <summary>One registry's login: a user and password, or the path of an auth file holding its entry.</summary>
public sealed record RegistryLogin(string? User, string? Password, string? AuthFile)
{
    public override string ToString() => AuthFile is not null ? "auth file" : $"user {User}, password set";
}
