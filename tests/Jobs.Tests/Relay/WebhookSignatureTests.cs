using System.Security.Cryptography;
using System.Text;
using Releng.Jobs.Relay;

namespace Releng.Jobs.Tests.Relay;

public sealed class WebhookSignatureTests
{
    private static readonly byte[] Body = ForgeWebhook.Issues(ForgeWebhook.TicketUrl("tickets", 12001));

    [Fact]
    public void The_signature_is_the_lower_case_hex_hmac_sha256_of_the_body_with_the_secret()
    {
        var expected = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(ForgeWebhook.Secret), Body));

        Assert.Equal(expected, new WebhookSignature(ForgeWebhook.Secret).Sign(Body));
        Assert.True(new WebhookSignature(ForgeWebhook.Secret).Verifies(Body, expected));
    }

    [Fact]
    public void A_body_changed_by_one_byte_is_refused()
    {
        var signature = ForgeWebhook.Sign(Body);
        var altered = (byte[])Body.Clone();
        altered[altered.Length / 2] ^= 0x01;

        Assert.False(new WebhookSignature(ForgeWebhook.Secret).Verifies(altered, signature));
    }

    [Fact]
    public void A_signature_made_with_another_secret_is_refused()
    {
        Assert.False(new WebhookSignature(ForgeWebhook.Secret).Verifies(Body, ForgeWebhook.Sign(Body, "another-secret")));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("sha256=")]
    [InlineData("not hex at all, but exactly sixty-four characters long, padded.....")]
    public void A_missing_empty_or_malformed_signature_is_refused(string? header)
    {
        Assert.False(new WebhookSignature(ForgeWebhook.Secret).Verifies(Body, header));
    }

    [Fact]
    public void The_github_style_prefixed_signature_is_not_taken_for_forgejos()
    {
        Assert.False(new WebhookSignature(ForgeWebhook.Secret).Verifies(Body, "sha256=" + ForgeWebhook.Sign(Body)));
    }
}
