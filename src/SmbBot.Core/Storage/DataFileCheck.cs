using System.Buffers.Binary;
using System.Text;

namespace SmbBot.Core.Storage;

/// <summary>What <see cref="DataFileCheck.Inspect"/> found in a LiteDB data file.</summary>
public enum DataFileCondition
{
    /// <summary>There is no file.</summary>
    Missing,

    /// <summary>The file has 0 bytes (LiteDB would start a new, empty store in it).</summary>
    Empty,

    /// <summary>The first page is not a LiteDB 5 header: not a LiteDB file, or its header is overwritten.</summary>
    NotADataFile,

    /// <summary>The file is shorter than the pages its header counts.</summary>
    CutShort,

    /// <summary>A page does not carry its own number: overwritten, zeroed or moved.</summary>
    DamagedPage,

    /// <summary>Every page the header counts is there and carries its number.</summary>
    Sound,
}

/// <summary>The result of a check, with the numbers a message needs.</summary>
public sealed record DataFileState(DataFileCondition Condition, long Length = 0, long ExpectedLength = 0, long Page = -1);

/// <summary>
/// Reads a LiteDB 5.0.x data file as bytes, without opening it in LiteDB, and finds the damage LiteDB itself would not
/// report at open: LiteDB 5.0.21 opens a file cut in half without complaint (and trims it to whole pages), starts a new
/// store in a 0-byte file, and throws arbitrary exceptions (even <see cref="ArgumentOutOfRangeException"/>) on a
/// garbled header. The layout read here (8 KiB pages; the header's "** This is a LiteDB file **" at byte 32, file
/// version 8 at 59, last page number at 64; every page's own number in its first 4 bytes) is LiteDB 5's; a LiteDB
/// upgrade must re-check it (the unit tests build real files with the LiteDB in use).
/// </summary>
public static class DataFileCheck
{
    /// <summary>LiteDB's page size.</summary>
    public const int PageSize = 8192;

    private const string HeaderInfo = "** This is a LiteDB file **";
    private const byte FileVersion = 8;
    private const int PagesPerRead = 128;

    /// <summary>
    /// Checks the data file at <paramref name="path"/>: the header, the length it implies, and the number in every page
    /// up to the last (one sequential read of the file; about 0.1 s per 100 MB from the page cache). Pages LiteDB has
    /// not moved from its log into the file yet are not there to check; the log itself is not read.
    /// </summary>
    public static DataFileState Inspect(string path)
    {
        if (!File.Exists(path)) return new(DataFileCondition.Missing);
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1, FileOptions.SequentialScan);
        long length = file.Length;
        if (length == 0) return new(DataFileCondition.Empty);
        var buffer = new byte[PageSize * PagesPerRead];
        if (length < PageSize) return new(DataFileCondition.NotADataFile, length);
        file.ReadExactly(buffer, 0, PageSize);
        if (Encoding.ASCII.GetString(buffer, 32, HeaderInfo.Length) != HeaderInfo || buffer[59] != FileVersion
            || BinaryPrimitives.ReadUInt32LittleEndian(buffer) != 0)
            return new(DataFileCondition.NotADataFile, length);
        long lastPage = BinaryPrimitives.ReadUInt32LittleEndian(buffer.AsSpan(64));
        long expected = (lastPage + 1) * PageSize;
        if (length < expected) return new(DataFileCondition.CutShort, length, expected);

        for (long page = 1; page <= lastPage;)
        {
            int count = (int)Math.Min(PagesPerRead, lastPage - page + 1);
            file.ReadExactly(buffer, 0, count * PageSize);
            for (int i = 0; i < count; i++, page++)
            {
                if (BinaryPrimitives.ReadUInt32LittleEndian(buffer.AsSpan(i * PageSize)) != page)
                    return new(DataFileCondition.DamagedPage, length, expected, page);
            }
        }
        return new(DataFileCondition.Sound, length, expected);
    }
}
