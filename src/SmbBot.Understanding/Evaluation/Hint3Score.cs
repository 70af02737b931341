namespace SmbBot.Understanding.Evaluation;

/// <summary>The HINT3 paper's figures for one set of predictions, "no intent" counted as a class of its own.</summary>
/// <param name="InScopeAccuracy">Messages with an intent that got exactly that intent.</param>
/// <param name="OutOfScopeRecall">Messages with no intent that got none.</param>
/// <param name="Mcc">Matthews correlation over all classes (Gorodkin's R_K, as scikit-learn computes it).</param>
public sealed record Hint3Score(int Messages, double Accuracy, double InScopeAccuracy, double OutOfScopeRecall, double Mcc)
{
    /// <summary>Scores <paramref name="predicted"/> against <paramref name="gold"/>.</summary>
    public static Hint3Score Of(IReadOnlyList<string> gold, IReadOnlyList<string> predicted, string noIntent)
    {
        if (gold.Count != predicted.Count || gold.Count == 0) throw new ArgumentException("one prediction per message, at least one message");
        var pairs = gold.Zip(predicted).ToArray();
        var inScope = pairs.Where(p => p.First != noIntent).ToArray();
        var outOfScope = pairs.Where(p => p.First == noIntent).ToArray();
        return new Hint3Score(
            gold.Count,
            pairs.Count(p => p.First == p.Second) / (double)gold.Count,
            inScope.Length == 0 ? 0 : inScope.Count(p => p.First == p.Second) / (double)inScope.Length,
            outOfScope.Length == 0 ? 0 : outOfScope.Count(p => p.Second == noIntent) / (double)outOfScope.Length,
            MatthewsCorrelation(gold, predicted));
    }

    /// <summary>Multi-class MCC: (c·s − Σ pₖtₖ) / √((s² − Σ pₖ²)(s² − Σ tₖ²)); 0 when a denominator is 0.</summary>
    public static double MatthewsCorrelation(IReadOnlyList<string> gold, IReadOnlyList<string> predicted)
    {
        double s = gold.Count, c = gold.Zip(predicted).Count(p => p.First == p.Second);
        var t = gold.GroupBy(g => g).ToDictionary(g => g.Key, g => (double)g.Count());
        var p = predicted.GroupBy(x => x).ToDictionary(g => g.Key, g => (double)g.Count());
        var sumPt = t.Sum(kv => kv.Value * p.GetValueOrDefault(kv.Key));
        var denominator = Math.Sqrt((s * s - p.Values.Sum(v => v * v)) * (s * s - t.Values.Sum(v => v * v)));
        return denominator == 0 ? 0 : (c * s - sumPt) / denominator;
    }

    /// <summary>The figures, rounded, for the eval verb's JSON line.</summary>
    public Dictionary<string, object> ToDictionary() => new()
    {
        ["messages"] = Messages, ["accuracy"] = Math.Round(Accuracy, 4), ["inScopeAccuracy"] = Math.Round(InScopeAccuracy, 4),
        ["oosRecall"] = Math.Round(OutOfScopeRecall, 4), ["mcc"] = Math.Round(Mcc, 4),
    };
}
