using Microsoft.ML.Data;

namespace SmbBot.Nlu;

/// <summary>One row the classifier learns from or predicts on: the text, its sentence embedding and (when training) its intent.</summary>
public sealed class IntentSample
{
    public string Text { get; set; } = "";

    [VectorType(384)] public float[] Embedding { get; set; } = [];

    public string Label { get; set; } = "";

    /// <summary>Training weight; classes are balanced so that the many FAQ phrasings do not drown the small intents.</summary>
    public float Weight { get; set; } = 1;
}

/// <summary>The classifier's output: a probability per intent, in the order of <see cref="IntentClassifier.Labels"/>.</summary>
public sealed class IntentScores
{
    public float[] Score { get; set; } = [];
}
