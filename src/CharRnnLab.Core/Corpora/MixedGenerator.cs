using CharRnnLab.Core.Corpora.Generation;

namespace CharRnnLab.Core.Corpora;

/// <summary>
/// Documents from the dialogue, wiki and code generators, interleaved at random, so one model
/// must keep every structure apart. A source file is about three times the size of a chapter or an
/// article: drawing chapters, articles and files 4 : 2 : 1 gives dialogue about 45 % of the bytes (the
/// quote cell needs the most practice), code about a third (indentation) and wiki the rest.
/// Tracks: all of <see cref="CorpusTracks"/>.
/// </summary>
public sealed class MixedGenerator : ICorpusGenerator
{
    private static readonly ICorpusGenerator[] Parts = [new DialogueGenerator(), new WikiGenerator(), new CodeGenerator()];

    public string Name => "mixed";

    public void WriteDocument(TrackedText output, DeterministicRandom random, GeneratorConfig config) =>
        Parts[random.Weighted(4, 2, 1)].WriteDocument(output, random, config);
}
