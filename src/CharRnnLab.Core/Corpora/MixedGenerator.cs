using CharRnnLab.Core.Corpora.Generation;

namespace CharRnnLab.Core.Corpora;

/// <summary>
/// Documents from the dialogue, wiki and code generators, interleaved at random, so one model
/// must keep every structure apart. Source files are the longest documents, so code is drawn least
/// often; chapters are drawn twice as often as articles because the quote cell needs the most practice
/// (corpora/mixed/README.md gives the resulting shares).
/// Tracks: all of <see cref="CorpusTracks"/>.
/// </summary>
public sealed class MixedGenerator : ICorpusGenerator
{
    private static readonly ICorpusGenerator[] Parts = [new DialogueGenerator(), new WikiGenerator(), new CodeGenerator()];

    public string Name => "mixed";

    public void WriteDocument(TrackedText output, DeterministicRandom random, GeneratorConfig config) =>
        Parts[random.Weighted(4, 2, 1)].WriteDocument(output, random, config);
}
