using Microsoft.Extensions.VectorData;

namespace SmbBot.Knowledge.VectorStore;

/// <summary>One text of an FAQ entry (its question, an alternate, or its answer) with its embedding.</summary>
public sealed class FaqPhrasingRecord
{
    /// <summary><c>{faqId}#{n}</c>.</summary>
    [VectorStoreKey] public string Key { get; set; } = "";

    [VectorStoreData(IsIndexed = true)] public string FaqId { get; set; } = "";

    /// <summary><see cref="Question"/> for the question and its alternates, <see cref="Answer"/> for the answer.</summary>
    [VectorStoreData(IsIndexed = true)] public string Kind { get; set; } = Question;

    [VectorStoreData(IsFullTextIndexed = true)] public string Text { get; set; } = "";

    public const string Question = "question";
    public const string Answer = "answer";

    /// <summary>Hash of the model id and the text: a vector is reused only for the same text and model.</summary>
    [VectorStoreData(IsIndexed = true)] public string TextHash { get; set; } = "";

    [VectorStoreVector(384, DistanceFunction = DistanceFunction.CosineSimilarity)]
    public ReadOnlyMemory<float> Vector { get; set; }
}
