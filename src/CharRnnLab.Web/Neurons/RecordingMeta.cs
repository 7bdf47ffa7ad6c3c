using CharRnnLab.Core.Analysis.Recording;

namespace CharRnnLab.Web.Neurons;

/// <summary>One kind of the recording as the browser names, labels and colours it.</summary>
/// <param name="Name">The short name the array endpoints take (tanh_cell, forget_gate, …).</param>
/// <param name="Symbol">The paper symbol for labels (tanh(c), f, …).</param>
/// <param name="Mapping">How its values reach the colour scale.</param>
public sealed record RecordingKind(string Name, string Symbol, ColourMappingParameters Mapping);

/// <summary>
/// The Neurons client contract: everything the browser (or any program reading the recording
/// endpoints) needs to decode and colour a recording, with every constant taken from the one
/// place it is defined. Served at <c>GET /api/recordings/{id}/meta</c> and handed to neurons.js;
/// documented in docs/recordings-api.md.
/// </summary>
/// <param name="Base">The recording's endpoint URL; the arrays are at Base/{layer}/{kind}.</param>
/// <param name="Characters">Positions (code points) in the text.</param>
/// <param name="Units">Units per layer.</param>
/// <param name="Layers">The recorded layers, numbered from 1.</param>
/// <param name="Kinds">The recorded kinds, in the units endpoint's order.</param>
/// <param name="Vocabulary">The run's symbols; guesses index into it.</param>
/// <param name="K">Guesses per position.</param>
/// <param name="ProbabilityScale">A stored uint16 probability is p × this.</param>
/// <param name="NoProbability">The uint16 that stands for "no probability" (the last position's next).</param>
/// <param name="Levels">Quantisation levels: a value is lo + q · (hi − lo) / Levels.</param>
/// <param name="Palette">The colour scale, −1 … +1 evenly; the middle entry is 0.</param>
/// <param name="Glyphs">Whitespace symbol → the stand-in shown for it.</param>
public sealed record RecordingMeta(
    string Base,
    int Characters,
    int Units,
    IReadOnlyList<int> Layers,
    IReadOnlyList<RecordingKind> Kinds,
    IReadOnlyList<string> Vocabulary,
    int K,
    int ProbabilityScale,
    int NoProbability,
    int Levels,
    IReadOnlyList<string> Palette,
    IReadOnlyDictionary<string, string> Glyphs)
{
    /// <summary>The metadata of <paramref name="recording"/>, whose endpoints lie under <paramref name="baseUri"/> (the site's root).</summary>
    public static RecordingMeta For(NeuronRecording recording, string baseUri)
    {
        var r = recording.Recording;
        return new RecordingMeta(
            Base: baseUri.TrimEnd('/') + NeuronEndpoints.Prefix + "/" + recording.Id,
            r.Characters,
            r.Units,
            r.RecordedLayers.Select(l => l + 1).ToArray(),
            r.RecordedKinds.Select(k => new RecordingKind(ActivationKinds.ShortName(k), ActivationKinds.Symbol(k),
                ActivationColours.Parameters(ActivationColours.MappingOf(k)))).ToArray(),
            r.Vocabulary.ToStrings(),
            r.Guesses.K,
            ActivationEncoding.ProbabilityScale,
            ActivationEncoding.NoProbability,
            ActivationEncoding.Levels,
            ActivationColours.Palette,
            SymbolGlyphs.Table);
    }
}
