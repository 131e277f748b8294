namespace Releng.Jobs.Secrets;

/// <summary>Replaces every known secret value with <c>***</c> in text bound for logs, audit files and summaries.</summary>
public sealed class SecretMasker
{
    public const string Mask = "***";
    private readonly string[] _secrets;

    public SecretMasker(IEnumerable<string> secrets) =>
        // Longest first, so a secret that contains another is masked whole.
        _secrets = secrets.Where(s => s.Length >= 4).Distinct().OrderByDescending(s => s.Length).ToArray();

    public static SecretMasker None { get; } = new([]);

    public string Apply(string text)
    {
        foreach (var secret in _secrets)
        {
            text = text.Replace(secret, Mask, StringComparison.Ordinal);
        }
        return text;
    }
}
