using SmbBot.Core.KnowledgeFiles;


namespace SmbBot.UnitTests.Knowledge;

public class CsvTableTests
{
    [Fact]
    public void Reads_quoted_fields_with_commas_quotes_and_line_breaks()
    {
        var rows = CsvTable.Parse("a,b,c\n1,\"x, y\",\"say \"\"hi\"\"\"\n2,\"two\nlines\",z\n", "t.csv");

        Assert.Equal(3, rows.Count);
        Assert.Equal(["1", "x, y", "say \"hi\""], rows[1].Fields);
        Assert.Equal(["2", "two\nlines", "z"], rows[2].Fields);
        Assert.Equal(3, rows[2].Line);
    }

    [Fact]
    public void Keeps_line_numbers_after_a_multi_line_field()
    {
        var rows = CsvTable.Parse("h1,h2\n\"a\nb\nc\",1\nlast,2\n", "t.csv");

        Assert.Equal(5, rows[2].Line);
    }

    [Fact]
    public void Accepts_crlf_line_ends_a_byte_order_mark_and_blank_lines()
    {
        var rows = CsvTable.Parse("\uFEFFa,b\r\n\r\n1,2\r\n", "t.csv");

        Assert.Equal(2, rows.Count);
        Assert.Equal(["a", "b"], rows[0].Fields);
        Assert.Equal(["1", "2"], rows[1].Fields);
    }

    [Theory]
    [InlineData("a,b\n1,\"open\n", 2, "never closed")]
    [InlineData("a,b\n1,x\"y\n", 2, "double quote inside an unquoted value")]
    [InlineData("a,b\n1,\"x\"y\n", 2, "after the closing double quote")]
    public void Names_the_line_of_broken_quoting(string text, int line, string reason)
    {
        var e = Assert.Throws<KnowledgeFileException>(() => CsvTable.Parse(text, "faq/x.csv"));

        Assert.Equal(line, e.Line);
        Assert.Contains(reason, e.Message);
        Assert.StartsWith($"faq/x.csv line {line}:", e.Message);
    }
}
