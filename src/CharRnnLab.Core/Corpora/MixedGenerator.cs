using CharRnnLab.Core.Corpora.Generation;

namespace CharRnnLab.Core.Corpora;

/// <summary>
/// Documents from the dialogue, wiki and code generators, interleaved at random, so one model
/// must keep every structure apart. A source file is about three times the size of a chapter or an
/// article, so code is drawn a third as often: each kind gets about a third of the bytes.
/// Tracks: all of <see cref="CorpusTracks"/>.
/// </summary>
public sealed class MixedGenerator : ICorpusGenerator
{
    private static readonly ICorpusGenerator[] Parts = [new DialogueGenerator(), new WikiGenerator(), new CodeGenerator()];

    public string Name => "mixed";

    public void WriteDocument(TrackedText output, DeterministicRandom random, GeneratorConfig config) =>
        Parts[random.Weighted(3, 3, 1)].WriteDocument(output, random, config);
}
