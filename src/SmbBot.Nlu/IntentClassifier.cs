using Microsoft.Extensions.ObjectPool;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms.Text;
using SmbBot.Core.Routing;

namespace SmbBot.Nlu;

/// <summary>
/// The ML.NET intent classifier: a maximum-entropy (softmax) model over the sentence embedding and word and character
/// n-grams of the text. Its output is a probability per intent; prediction is thread-safe.
/// </summary>
public sealed class IntentClassifier
{
    /// <summary>Changes whenever the pipeline changes, so a saved model of another shape is never loaded.</summary>
    public const string PipelineVersion = "v3";

    private const int Seed = 20261125;
    private readonly ITransformer _model;
    private readonly ObjectPool<PredictionEngine<IntentSample, IntentScores>> _engines;

    private IntentClassifier(MLContext ml, ITransformer model, DataViewSchema inputSchema)
    {
        _model = model;
        InputSchema = inputSchema;
        var output = model.GetOutputSchema(inputSchema);
        VBuffer<ReadOnlyMemory<char>> names = default;
        output["Score"].GetSlotNames(ref names);
        Labels = names.DenseValues().Select(n => n.ToString()).ToArray();
        _engines = new DefaultObjectPool<PredictionEngine<IntentSample, IntentScores>>(new EnginePolicy(ml, model));
    }

    /// <summary>The intents the model knows, in the order of its scores.</summary>
    public IReadOnlyList<string> Labels { get; }

    private DataViewSchema InputSchema { get; }

    /// <summary>Trains on <paramref name="samples"/>.</summary>
    public static IntentClassifier Train(IReadOnlyList<IntentSample> samples)
    {
        var ml = new MLContext(Seed);
        var data = ml.Data.LoadFromEnumerable(Balanced(samples));
        return new IntentClassifier(ml, BuildPipeline(ml).Fit(data), data.Schema);
    }

    /// <summary>Cross-validated quality on <paramref name="samples"/>, for the <c>train</c> command.</summary>
    public static CrossValidationReport CrossValidate(IReadOnlyList<IntentSample> samples, int folds, Action<string>? progress = null)
    {
        var ml = new MLContext(Seed);
        var data = ml.Data.LoadFromEnumerable(Balanced(samples));
        progress?.Invoke($"cross-validating on {samples.Count} examples in {folds} folds");
        var results = ml.MulticlassClassification.CrossValidate(data, BuildPipeline(ml), folds, "Label", seed: Seed);
        return new CrossValidationReport(
            results.Average(r => r.Metrics.MicroAccuracy),
            results.Average(r => r.Metrics.MacroAccuracy),
            results.Average(r => r.Metrics.LogLoss),
            folds);
    }

    /// <summary>The most probable intent and its probability, with every intent's probability.</summary>
    public (IntentPrediction Best, float[] Scores) Predict(string text, float[] embedding)
    {
        var engine = _engines.Get();
        try
        {
            var scores = engine.Predict(new IntentSample { Text = text, Embedding = embedding }).Score;
            int best = 0;
            for (int i = 1; i < scores.Length; i++) if (scores[i] > scores[best]) best = i;
            return (new IntentPrediction(Labels[best], scores[best]), scores);
        }
        finally
        {
            _engines.Return(engine);
        }
    }

    /// <summary>Writes the model to a zip file.</summary>
    public void Save(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var temp = path + ".tmp";
        new MLContext(Seed).Model.Save(_model, InputSchema, temp);
        File.Move(temp, path, overwrite: true);
    }

    /// <summary>Reads a model written by <see cref="Save"/>.</summary>
    public static IntentClassifier Load(string path)
    {
        var ml = new MLContext(Seed);
        var model = ml.Model.Load(path, out var schema);
        return new IntentClassifier(ml, model, schema);
    }

    /// <summary>Weights every example by total / (classes × examples of its class), so each intent weighs the same.</summary>
    private static IReadOnlyList<IntentSample> Balanced(IReadOnlyList<IntentSample> samples)
    {
        var counts = samples.GroupBy(s => s.Label).ToDictionary(g => g.Key, g => g.Count());
        float total = samples.Count, classes = counts.Count;
        return samples.Select(s => new IntentSample
        {
            Text = s.Text, Embedding = s.Embedding, Label = s.Label, Weight = total / (classes * counts[s.Label]),
        }).ToArray();
    }

    private static IEstimator<ITransformer> BuildPipeline(MLContext ml) =>
        ml.Transforms.Conversion.MapValueToKey("Label")
            .Append(ml.Transforms.Text.FeaturizeText("TextFeatures", new TextFeaturizingEstimator.Options
            {
                CaseMode = TextNormalizingEstimator.CaseMode.Lower,
                KeepDiacritics = false,
                KeepPunctuations = false,
                KeepNumbers = true,
                WordFeatureExtractor = new WordBagEstimator.Options { NgramLength = 2, UseAllLengths = true },
                CharFeatureExtractor = new WordBagEstimator.Options { NgramLength = 3, UseAllLengths = false },
                Norm = TextFeaturizingEstimator.NormFunction.L2,
            }, "Text"))
            .Append(ml.Transforms.Concatenate("Features", "Embedding", "TextFeatures"))
            .Append(ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(new()
            {
                LabelColumnName = "Label",
                FeatureColumnName = "Features",
                ExampleWeightColumnName = "Weight",
                L2Regularization = 0.01f,
                L1Regularization = 0f,
                MaximumNumberOfIterations = 200,
                // One thread makes training deterministic: the same knowledge always gives the same model.
                NumberOfThreads = 1,
            }));

    private sealed class EnginePolicy(MLContext ml, ITransformer model) : PooledObjectPolicy<PredictionEngine<IntentSample, IntentScores>>
    {
        public override PredictionEngine<IntentSample, IntentScores> Create() =>
            ml.Model.CreatePredictionEngine<IntentSample, IntentScores>(model);

        public override bool Return(PredictionEngine<IntentSample, IntentScores> obj) => true;
    }
}

/// <summary>Averages over the folds of a cross-validation.</summary>
public sealed record CrossValidationReport(double MicroAccuracy, double MacroAccuracy, double LogLoss, int Folds);
