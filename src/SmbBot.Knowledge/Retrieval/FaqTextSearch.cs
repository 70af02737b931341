using Microsoft.Extensions.AI;
using Microsoft.SemanticKernel.Data;
using SmbBot.Core.Faq;
using SmbBot.Knowledge.VectorStore;

namespace SmbBot.Knowledge.Retrieval;

/// <summary>
/// The FAQ as a Semantic Kernel <see cref="ITextSearch{TRecord}"/>: a search returns the answers of the entries whose texts
/// match best, so a kernel (an LLM plugin, retrieval-augmented context) can use the business's FAQ as its source.
/// </summary>
public static class FaqTextSearch
{
    /// <summary>Builds the search over <paramref name="collection"/>; results name the entry's question and id.</summary>
    public static ITextSearch<FaqPhrasingRecord> Create(FaqPhrasingCollection collection, IEmbeddingGenerator<string, Embedding<float>> embeddings,
        IReadOnlyList<FaqEntry> faq)
    {
        var byId = faq.ToDictionary(e => e.Id, StringComparer.Ordinal);
        FaqEntry Entry(object result) => byId[((FaqPhrasingRecord)result).FaqId];
        return new VectorStoreTextSearch<FaqPhrasingRecord>(collection, embeddings,
            new TextSearchStringMapper(r => Entry(r).Answer),
            new TextSearchResultMapper(r => new TextSearchResult(Entry(r).Answer) { Name = Entry(r).Question, Link = "faq:" + Entry(r).Id }));
    }
}
