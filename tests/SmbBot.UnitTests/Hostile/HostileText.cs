using CsCheck;

namespace SmbBot.UnitTests.Hostile;

/// <summary>Generators of the text attackers and broken exports produce.</summary>
public static class HostileText
{
    /// <summary>Strings known to break parsers, renderers and stores.</summary>
    public static readonly string[] Nasty =
    [
        "", " ", "\0", "\uD800", "\uDC00x", "\uFEFF", "\u202E", "\r", "\r\n\r\n", "\"", "\"\"\"", ",", ";", "\t", "|", "\\",
        "<script>alert(1)</script>", "' OR 1=1 --", "../../../etc/passwd", "{{7*7}}", "${jndi:ldap://x/a}", "%00", "NaN", "-1",
        "1e309", "99999999999999999999999", "😀👍🏽", "مرحبا", "\u0007\u001b[31m", "## ", "id:", "alternates:", "=cmd|' /C calc'!A0",
    ];

    /// <summary>Random unicode, nasty fragments, long runs and their mixtures.</summary>
    public static readonly Gen<string> Text = Gen.OneOf(
        Gen.String,
        Gen.OneOf(Nasty),
        Gen.Char.Array[0, 60].Select(c => new string(c)),
        Gen.Int[1, 5000].Select(n => new string('x', n)),
        Gen.OneOf(Nasty).Array[1, 6].Select(parts => string.Concat(parts)));

    /// <summary>A line of a delimited file: random cells joined by a random separator, sometimes quoted.</summary>
    public static readonly Gen<string> Row = Gen.Select(Text.Array[0, 8], Gen.OneOf(",", ";", "\t", "|"), Gen.Bool,
        (cells, separator, quote) => string.Join(separator, cells.Select(c => quote ? $"\"{c.Replace("\"", "\"\"")}\"" : c)));

    /// <summary>Raw bytes, occasionally a valid UTF-8 BOM or UTF-16 prefix first.</summary>
    public static readonly Gen<byte[]> Bytes = Gen.Select(Gen.Byte.Array[0, 3000], Gen.OneOf(Array.Empty<byte>(), new byte[] { 0xEF, 0xBB, 0xBF }, new byte[] { 0xFF, 0xFE }, new byte[] { 0xFE, 0xFF }),
        (body, prefix) => (byte[])[.. prefix, .. body]);
}
