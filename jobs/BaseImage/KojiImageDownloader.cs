using System.Security.Cryptography;
using Releng.Jobs.Koji;
using Releng.Jobs.Registry;

namespace Releng.Jobs.BaseImage;

/// <summary>
/// Downloads image archives from Koji's file root (<c>&lt;topurl&gt;/packages/&lt;name&gt;/&lt;version&gt;/&lt;release&gt;/images/&lt;file&gt;</c>,
/// as <c>koji download-build --type=image</c> does) and checks each against the checksum Koji recorded, so a
/// truncated or wrong file is never pushed.
/// </summary>
public sealed class KojiImageDownloader(IHttpClientFactory httpClients) : IKojiImageFiles
{
    public const string HttpClientName = "kojipkgs";

    public static Uri ArchiveUrl(Uri topUrl, KojiBuild build, KojiArchive archive) => new(topUrl,
        $"packages/{Uri.EscapeDataString(build.Name)}/{Uri.EscapeDataString(build.Version)}/{Uri.EscapeDataString(build.Release)}/images/{Uri.EscapeDataString(archive.Filename)}");

    public async Task<ImageLocation> FetchAsync(Uri topUrl, KojiBuild build, KojiArchive archive, string directory, CancellationToken cancellationToken)
    {
        var url = ArchiveUrl(topUrl, build, archive);
        var file = Path.Combine(directory, Path.GetFileName(archive.Filename));
        var client = httpClients.CreateClient(HttpClientName);
        using (var response = await client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellationToken))
        {
            if (!response.IsSuccessStatusCode)
            {
                throw new HttpRequestException($"GET {url} answered {(int)response.StatusCode} {response.ReasonPhrase}", null, response.StatusCode);
            }
            await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
            await using var output = File.Create(file);
            await body.CopyToAsync(output, cancellationToken);
        }
        await VerifyAsync(file, archive, url, cancellationToken);
        return ImageLocation.KojiImageArchive(file);
    }

    private static async Task VerifyAsync(string file, KojiArchive archive, Uri url, CancellationToken cancellationToken)
    {
        if (archive.Checksum is not { Length: > 0 } expected)
        {
            // Nothing to check against: pushing it would publish whatever arrived, truncated or not.
            throw new KojiException("listArchives", $"{archive.Filename}: Koji recorded no checksum, so the download from {url} cannot be verified; not pushing it");
        }
        using HashAlgorithm hash = archive.ChecksumType switch
        {
            0 => MD5.Create(),
            1 => SHA1.Create(),
            2 => SHA256.Create(),
            _ => throw new KojiException("listArchives", $"{archive.Filename}: unknown checksum type {archive.ChecksumType}"),
        };
        await using var stream = File.OpenRead(file);
        var actual = Convert.ToHexStringLower(await hash.ComputeHashAsync(stream, cancellationToken));
        if (!string.Equals(actual, expected, StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidDataException($"{url} does not match the checksum Koji recorded for {archive.Filename}; nothing was pushed");
        }
    }
}
