using CharRnnLab.Core.Corpora.Generation;

namespace CharRnnLab.Core.Corpora;

/// <summary>A deterministic corpus generator: same config, same text and tracks, byte for byte.</summary>
public interface ICorpusGenerator
{
    /// <summary>Registry key, used in configs ("dialogue", "wiki", "code", "mixed").</summary>
    string Name { get; }

    /// <summary>Writes one self-contained document (a chapter, an article, a source file).</summary>
    void WriteDocument(TrackedText output, DeterministicRandom random, GeneratorConfig config);
}

/// <summary>The registry of corpus generators and the loop that runs one to a target size.</summary>
public static class Generators
{
    private static readonly ICorpusGenerator[] All =
        [new DialogueGenerator(), new WikiGenerator(), new CodeGenerator(), new MixedGenerator()];

    /// <summary>Generator names in registry order.</summary>
    public static IReadOnlyList<string> Names { get; } = All.Select(g => g.Name).ToArray();

    public static ICorpusGenerator Get(string name) =>
        All.FirstOrDefault(g => g.Name == name)
        ?? throw new CorpusException($"Unknown corpus generator '{name}'. Known: {string.Join(", ", Names)}.");

    /// <summary>
    /// Runs the config's generator: documents separated by a blank line until
    /// <see cref="GeneratorConfig.SizeBytes"/> is reached (the last document is kept whole).
    /// </summary>
    /// <param name="config">Which generator, seed and size.</param>
    /// <param name="withTracks">Also return the ground-truth tracks (4 floats per character); the text is the same either way.</param>
    public static GeneratedCorpus Generate(GeneratorConfig config, bool withTracks = true)
    {
        var generator = Get(config.Generator);
        var random = new DeterministicRandom(config.Seed);
        var output = new TrackedText(config.SizeBytes + (1 << 16), withTracks);
        while (output.Length < config.SizeBytes)
        {
            if (output.Length > 0) output.Append('\n');
            generator.WriteDocument(output, random, config);
        }
        return output.Build();
    }
}
