namespace SmbBot.Core.Business;

/// <summary>
/// An avatar image as uploaded: PNG, JPEG or WebP, recognised by its first bytes (never by the file name, and never
/// SVG, which can carry script), at most <see cref="MaxBytes"/>.
/// </summary>
public sealed record AvatarImage(byte[] Bytes, string ContentType, string Extension)
{
    public const int MaxBytes = 256 * 1024;

    /// <summary>The image, or null with the reason it is refused.</summary>
    public static (AvatarImage? Image, string? Problem) Read(byte[] bytes)
    {
        if (bytes.Length == 0) return (null, "the avatar file is empty");
        if (bytes.Length > MaxBytes) return (null, $"the avatar is {bytes.Length / 1024} KB; at most {MaxBytes / 1024} KB");
        return Sniff(bytes) is { } type
            ? (new AvatarImage(bytes, type.ContentType, type.Extension), null)
            : (null, "the avatar must be a PNG, JPEG or WebP image (SVG and other files are refused)");
    }

    /// <summary>The content type and extension for a file's first bytes; null when it is none of the three.</summary>
    public static (string ContentType, string Extension)? Sniff(ReadOnlySpan<byte> b)
    {
        if (b.Length >= 8 && b[..8].SequenceEqual(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A })) return ("image/png", "png");
        if (b.Length >= 3 && b[0] == 0xFF && b[1] == 0xD8 && b[2] == 0xFF) return ("image/jpeg", "jpg");
        if (b.Length >= 12 && b[..4].SequenceEqual("RIFF"u8) && b[8..12].SequenceEqual("WEBP"u8)) return ("image/webp", "webp");
        return null;
    }
}
