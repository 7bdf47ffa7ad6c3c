using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using CharRnnLab.Core.Corpora;

namespace CharRnnLab.Core.Tests.Fixtures;

/// <summary>Each shipped corpus generated once per test run (they take a few hundred ms each).</summary>
public static class BundledCorpora
{
    private static readonly ConcurrentDictionary<string, Lazy<GeneratedCorpus>> Cache = new();

    public static GeneratedCorpus Get(string id) =>
        Cache.GetOrAdd(id, key => new Lazy<GeneratedCorpus>(() => Generators.Generate(Config(key)))).Value;

    public static GeneratorConfig Config(string id) => GeneratorConfig.Bundled.Single(c => c.Id == id);

    /// <summary>A small config for a generator, for tests that vary settings.</summary>
    public static GeneratorConfig Small(string generator, long seed = 7, int size = 20_000, int wrap = 76, int maxDepth = 8) => new()
    {
        Id = "test-" + generator, Generator = generator, Name = "test", Description = "test",
        Seed = seed, SizeBytes = size, WrapWidth = wrap, MaxDepth = maxDepth,
    };
}
