using SmbBot.Core.KnowledgeFiles;

namespace SmbBot.Core.KnowledgeEditing;

/// <summary>A question the owner has marked with what the bot must do: answer with entry <paramref name="Expected"/>, or hand over (<see cref="GoldenQuestions.Person"/>).</summary>
public sealed record GoldenQuestion(string Question, string Expected);

/// <summary>
/// The golden questions of a knowledge folder, <c>golden.csv</c> (<c>question,expected</c>): every publish runs them
/// on the new version first and refuses it if one of them breaks.
/// </summary>
public static class GoldenQuestions
{
    /// <summary>The file name in the knowledge folder.</summary>
    public const string FileName = "golden.csv";

    /// <summary>What <c>expected</c> says when the question must go to a person.</summary>
    public const string Person = "person";

    private static readonly string[] Header = ["question", "expected"];

    /// <summary>The golden questions of <paramref name="knowledgeFolder"/> (none when it has no file); a bad file throws <see cref="KnowledgeFileException"/>.</summary>
    public static IReadOnlyList<GoldenQuestion> Load(string knowledgeFolder)
    {
        var path = Path.Combine(knowledgeFolder, FileName);
        if (!File.Exists(path)) return [];
        return CsvTable.Read(path, FileName, Header)
            .Select(r => new GoldenQuestion(r.Fields[0].Trim(), r.Fields[1].Trim()))
            .Where(g => g.Question.Length > 0)
            .ToArray();
    }

    /// <summary>Writes the golden questions atomically.</summary>
    public static void Save(string knowledgeFolder, IEnumerable<GoldenQuestion> questions) =>
        AtomicFile.WriteAllText(Path.Combine(knowledgeFolder, FileName),
            CsvText.Write(',', Header, questions.Select(g => new[] { g.Question, g.Expected })));
}
