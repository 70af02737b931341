using SmbBot.Core.KnowledgeFiles;


namespace SmbBot.Benchmarks;

/// <summary>
/// Simulated customers drawn from the sample knowledge: each conversation greets, asks FAQ questions (the FAQ's own
/// questions and alternates, and held-out paraphrases), sometimes an ambiguous one-word question, sometimes asks for a
/// person (and then declines to give an e-mail address), and thanks the bot.
/// </summary>
public sealed class Scenario
{
    private readonly string[] _faq;
    private readonly string[] _paraphrases;
    private static readonly string[] Greetings = ["hi", "hello there", "good morning", "hey"];
    private static readonly string[] Ambiguous = ["delivery", "gift", "discount", "refund", "returns or exchanges"];
    private static readonly string[] Escalations = ["I want to talk to a person", "can I speak to someone please", "I was charged twice for my order", "I want to make a complaint"];
    private static readonly string[] Thanks = ["thanks", "thank you very much", "great, thanks", "bye"];

    public Scenario(string knowledgeFolder, string paraphraseFile)
    {
        var kb = KnowledgeBase.Load(knowledgeFolder);
        _faq = kb.Faq.SelectMany(f => f.Phrasings).ToArray();
        _paraphrases = File.ReadAllLines(paraphraseFile).Skip(1).Select(l => l.Split(',')).Where(f => f.Length == 3 && f[1] == "faq").Select(f => f[0]).ToArray();
    }

    /// <summary>The messages of one simulated conversation.</summary>
    public IReadOnlyList<string> Conversation(Random random)
    {
        var turns = new List<string> { Pick(Greetings, random) };
        int questions = random.Next(2, 6);
        for (int i = 0; i < questions; i++) turns.Add(Vary(random.Next(3) == 0 ? Pick(_faq, random) : Pick(_paraphrases, random), random));
        if (random.Next(4) == 0) turns.Add(Pick(Ambiguous, random));
        if (random.Next(8) == 0)
        {
            turns.Add(Pick(Escalations, random));
            turns.Add("skip");
        }
        turns.Add(Pick(Thanks, random));
        return turns;
    }

    private static string Pick(string[] items, Random random) => items[random.Next(items.Length)];

    private static readonly string[] Prefixes = ["", "", "hi, ", "quick question: ", "sorry, ", "hello, "];

    /// <summary>
    /// Customers rarely type the same words twice: most questions get a prefix and a detail of their own (an order
    /// reference), so the benchmark does not just measure the embedding cache. Some stay verbatim, as tapped
    /// suggestions and common short questions do.
    /// </summary>
    private static string Vary(string question, Random random) =>
        random.Next(4) == 0 ? question : $"{Pick(Prefixes, random)}{question.TrimEnd('?')} (order {random.Next(10_000, 99_999)})?";
}
