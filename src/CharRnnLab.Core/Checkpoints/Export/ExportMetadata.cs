using System.Text.Json;
using CharRnnLab.Core.Model;

namespace CharRnnLab.Core.Checkpoints.Export;

/// <summary>
/// What an export says about its weights besides the tensors, as string → string (safetensors'
/// <c>__metadata__</c> allows only strings): the vocabulary (a JSON array, symbol i is row i of
/// <c>decoder.weight</c>), the model's shape (JSON, as in meta.json), the iteration and the corpus.
/// </summary>
public static class ExportMetadata
{
    public const string Format = "format", Vocabulary = "vocabulary", Model = "model", Iteration = "iteration", Corpus = "corpus";
    public const string FormatValue = "charrnnlab-weights-1";

    public static IReadOnlyDictionary<string, string> Of(ModelWeights weights, string corpusName) => new Dictionary<string, string>
    {
        [Format] = FormatValue,
        [Vocabulary] = JsonSerializer.Serialize(weights.Vocabulary.ToStrings(), CheckpointJson.Compact),
        [Model] = JsonSerializer.Serialize(weights.Config, CheckpointJson.Compact),
        [Iteration] = weights.Iteration.ToString(System.Globalization.CultureInfo.InvariantCulture),
        [Corpus] = corpusName,
    };
}
