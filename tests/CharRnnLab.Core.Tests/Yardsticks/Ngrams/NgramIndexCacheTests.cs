using CharRnnLab.Core.Data;
using CharRnnLab.Core.Yardsticks.Ngrams;

namespace CharRnnLab.Core.Tests.Yardsticks.Ngrams;

public class NgramIndexCacheTests
{
    private static Corpus WriteCorpus(TempDirectory dir, string text = "") =>
        CorpusLoader.LoadFile(dir.File("input.txt", text.Length > 0 ? text : KneserNeyTests.TinyCorpus(seed: 9, length: 600).Corpus.Text));

    [Fact]
    public void The_index_is_built_once_then_read_back_from_a_file_next_to_the_corpus()
    {
        using var dir = new TempDirectory();
        var corpus = WriteCorpus(dir);

        var first = NgramBaselines.Open(corpus, 0.1);
        var second = NgramBaselines.Open(corpus, 0.1);

        Assert.Equal((NgramIndexSource.Built, NgramIndexSource.Loaded), (first.Source, second.Source));
        Assert.Equal(dir.Path, Path.GetDirectoryName(first.Path));
        Assert.StartsWith("input.txt.", Path.GetFileName(first.Path));
        Assert.Equal(first.Index.Reversed.Suffixes, second.Index.Reversed.Suffixes);
        Assert.Equal(first.Index.Discounts, second.Index.Discounts);
        Assert.Equal(NgramScorer.Score(first.Index, corpus.Encoded, 5), NgramScorer.Score(second.Index, corpus.Encoded, 5));
    }

    [Fact]
    public void Another_split_or_another_text_gets_its_own_file()
    {
        using var dir = new TempDirectory();
        var corpus = WriteCorpus(dir);
        string path = NgramIndexCache.PathFor(corpus, 0.1)!;

        Assert.NotEqual(path, NgramIndexCache.PathFor(corpus, 0.05));
        using var other = new TempDirectory();
        Assert.NotEqual(Path.GetFileName(path), Path.GetFileName(NgramIndexCache.PathFor(WriteCorpus(other, "another text entirely"), 0.1)));
        Assert.Null(NgramIndexCache.PathFor(CorpusLoader.FromText("in memory", "abc"), 0.1));
    }

    [Fact]
    public void A_damaged_cache_file_is_rebuilt()
    {
        using var dir = new TempDirectory();
        var corpus = WriteCorpus(dir);
        var built = NgramBaselines.Open(corpus, 0.1);
        byte[] bytes = File.ReadAllBytes(built.Path!);
        bytes[^5] ^= 0x7F; // one suffix-array entry no longer a row of the permutation
        File.WriteAllBytes(built.Path!, bytes);

        var reopened = NgramBaselines.Open(corpus, 0.1);

        Assert.Equal(NgramIndexSource.Built, reopened.Source);
        Assert.Equal(built.Index.Reversed.Suffixes, reopened.Index.Reversed.Suffixes);
        File.WriteAllBytes(built.Path!, bytes[..100]); // truncated
        Assert.Equal(NgramIndexSource.Built, NgramBaselines.Open(corpus, 0.1).Source);
    }

    [Fact]
    public void A_training_split_above_the_limit_is_refused_with_the_numbers()
    {
        using var dir = new TempDirectory();
        var corpus = WriteCorpus(dir);

        var error = Assert.Throws<CorpusException>(() => NgramIndexCache.LoadOrBuild(corpus, 0.1, null, maxTrainingSymbols: 500));

        Assert.Contains("540 symbols", error.Message);
        Assert.Contains("at most 500", error.Message);
        Assert.Contains("input.txt", error.Message);
    }
}
