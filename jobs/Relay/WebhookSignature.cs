using System.Security.Cryptography;
using System.Text;

namespace Releng.Jobs.Relay;

/// <summary>
/// Forgejo's <c>X-Forgejo-Signature</c>: the lower-case hex HMAC-SHA256 of the raw request body with the webhook's
/// secret, no prefix. Compared in constant time so a forger learns nothing from how long a refusal takes.
/// </summary>
public sealed class WebhookSignature
{
    private readonly byte[] _secret;

    public WebhookSignature(string secret)
    {
        if (string.IsNullOrEmpty(secret))
        {
            throw new ArgumentException("the webhook secret is empty", nameof(secret));
        }
        _secret = Encoding.UTF8.GetBytes(secret);
    }

    /// <summary>The signature Forgejo sends for <paramref name="body"/>.</summary>
    public string Sign(ReadOnlySpan<byte> body) => Convert.ToHexStringLower(HMACSHA256.HashData(_secret, body));

    /// <summary>True when <paramref name="header"/> is the signature of exactly <paramref name="body"/>.</summary>
    public bool Verifies(ReadOnlySpan<byte> body, string? header)
    {
        if (header is not { Length: 64 })
        {
            return false;
        }
        Span<byte> claimed = stackalloc byte[32];
        try
        {
            if (Convert.FromHexString(header, claimed, out _, out var written) != System.Buffers.OperationStatus.Done || written != 32)
            {
                return false;
            }
        }
        catch (FormatException)
        {
            return false;
        }
        Span<byte> expected = stackalloc byte[32];
        HMACSHA256.HashData(_secret, body, expected);
        return CryptographicOperations.FixedTimeEquals(expected, claimed);
    }
}
