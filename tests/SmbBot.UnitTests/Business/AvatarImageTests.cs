using System.Text;
using SmbBot.Core.Business;

namespace SmbBot.UnitTests.Business;

public class AvatarImageTests
{
    public static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52];

    [Theory]
    [InlineData("png", "image/png")]
    [InlineData("jpg", "image/jpeg")]
    [InlineData("webp", "image/webp")]
    public void Png_jpeg_and_webp_are_recognised_by_their_first_bytes(string kind, string contentType)
    {
        byte[] bytes = kind switch
        {
            "png" => Png,
            "jpg" => [0xFF, 0xD8, 0xFF, 0xE0, 0, 16, 0x4A, 0x46],
            _ => [.. "RIFF"u8, 0x24, 0, 0, 0, .. "WEBPVP8 "u8],
        };

        var (image, problem) = AvatarImage.Read(bytes);

        Assert.Null(problem);
        Assert.Equal((contentType, kind), (image!.ContentType, image.Extension));
    }

    [Theory]
    [InlineData("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>")]
    [InlineData("<?xml version=\"1.0\"?><svg/>")]
    [InlineData("GIF89a......")]
    [InlineData("<html><body>not an image</body></html>")]
    public void Svg_and_other_files_are_refused_whatever_their_name(string content)
    {
        var (image, problem) = AvatarImage.Read(Encoding.UTF8.GetBytes(content));

        Assert.Null(image);
        Assert.Equal("the avatar must be a PNG, JPEG or WebP image (SVG and other files are refused)", problem);
    }

    [Fact]
    public void An_image_over_256_KB_or_an_empty_file_is_refused()
    {
        var big = new byte[AvatarImage.MaxBytes + 1];
        Png.CopyTo(big, 0);

        Assert.Equal("the avatar is 256 KB; at most 256 KB", AvatarImage.Read(big).Problem);
        Assert.Equal("the avatar file is empty", AvatarImage.Read([]).Problem);
        Assert.NotNull(AvatarImage.Read(big[..AvatarImage.MaxBytes]).Image);
    }
}
