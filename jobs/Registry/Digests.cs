using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace Releng.Jobs.Registry;

/// <summary>Content digests as registries write them: <c>sha256:</c> and 64 lower-case hex digits.</summary>
public static partial class Digests
{
    public static string Sha256(ReadOnlySpan<byte> content) =>
        "sha256:" + Convert.ToHexStringLower(SHA256.HashData(content));

    public static bool IsSha256(string? text) => text is not null && Sha256Pattern().IsMatch(text);

    /// <summary>The hex part, which is also a blob's file name in an OCI layout.</summary>
    public static string Hex(string digest) =>
        IsSha256(digest) ? digest["sha256:".Length..] : throw new FormatException($"'{digest}' is not a sha256 digest.");

    [GeneratedRegex("^sha256:[a-f0-9]{64}$")]
    private static partial Regex Sha256Pattern();
}
