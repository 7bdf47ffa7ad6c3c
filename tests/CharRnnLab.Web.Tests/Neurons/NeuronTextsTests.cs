using CharRnnLab.Core.Settings;
using System.Text;
using CharRnnLab.Core.Corpora;
using CharRnnLab.Core.Data;
using CharRnnLab.Web.Contracts;
using CharRnnLab.Web.Corpora;
using CharRnnLab.Web.Neurons;
using CharRnnLab.Web.Runs;

namespace CharRnnLab.Web.Tests.Neurons;

/// <summary>Where the Neurons page's texts come from, and the texts it refuses before recording.</summary>
public sealed class NeuronTextsTests
{
    private const int CorpusLength = 2_000; // validation split: the last 5 %, 100 characters from 1,900
    private static readonly string Mixed = Repeat("the cat sat on the mat. \"hi,\" said ann.\n");
    private static readonly string Dialogue = Repeat("\"why?\" she asked.\n")[..1_900] + Repeat("\"no,\" he said. \"sit.\"\n")[..100];
    private static readonly string Prose = Repeat("she sat on a mat.\n");
    private static readonly string Wiki = Repeat("== the mat ==\n")[..1_900] + Repeat("café über «mat» ")[..100];
    private static readonly Vocabulary Model = Vocabulary.FromText(Mixed);

    private readonly FakeLabCorpora _corpora = new(
        (new CorpusInfo("mixed", "Mixed", CorpusKinds.Bundled, "", null, true, null), Mixed),
        (new CorpusInfo("dialogue", "Dialogue prose", CorpusKinds.Bundled, "", null, true, null), Dialogue),
        (new CorpusInfo("wiki", "Wiki markup", CorpusKinds.Bundled, "", null, true, null), Wiki),
        (new CorpusInfo("upload-prose", "prose", CorpusKinds.Uploaded, "", 2_000, true, null), Prose),
        (new CorpusInfo("war-and-peace", "War and Peace", CorpusKinds.Catalog, "", 3_000_000, false, null), null));

    private NeuronTexts Texts => new(_corpora, new RecordingSampleSource());

    private static readonly RunSummary Run = new("run-1", "mixed · 2×128", "mixed", RunState.Completed, null, 100, 100, 1.2, 1.3, 100,
        DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, "mixed", RunConfig.Default);

    private Task<NeuronText> Resolve(NeuronTextRequest request) => Texts.ResolveAsync(Run, request, Model, CancellationToken.None);

    [Fact]
    public async Task Another_corpus_is_read_from_its_validation_split_like_the_runs_own()
    {
        var own = await Resolve(new NeuronTextRequest(NeuronTextSource.Validation, 60));
        var other = await Resolve(new NeuronTextRequest(NeuronTextSource.OtherCorpus, 60, CorpusId: "dialogue"));

        Assert.Equal(Mixed[1_900..1_960], own.Text);
        Assert.Equal(Dialogue[1_900..1_960], other.Text);
        Assert.Equal("60 characters of Dialogue prose's validation split (from character 1,900), which the model never trained on", other.Description);
        Assert.Equal(["mixed", "dialogue"], _corpora.Loaded);
    }

    [Fact]
    public async Task A_slice_longer_than_the_other_corpus_split_ends_with_that_corpus()
    {
        var other = await Resolve(new NeuronTextRequest(NeuronTextSource.OtherCorpus, 500, CorpusId: "upload-prose"));

        Assert.Equal(Prose[1_500..], other.Text);
        Assert.Equal("the last 500 characters of prose: its 100-character validation split and 400 training characters before it", other.Description);
    }

    [Fact]
    public async Task An_unknown_or_missing_corpus_id_is_refused_with_what_to_do()
    {
        var unknown = await Assert.ThrowsAsync<LabException>(() => Resolve(new NeuronTextRequest(NeuronTextSource.OtherCorpus, CorpusId: "nope")));
        var missing = await Assert.ThrowsAsync<LabException>(() => Resolve(new NeuronTextRequest(NeuronTextSource.OtherCorpus)));

        Assert.Equal("There is no corpus 'nope' in the lab's catalogue. Choose one from the list; the Corpora page shows them all.", unknown.Message);
        Assert.Equal("Choose the corpus whose validation slice to read.", missing.Message);
        Assert.Empty(_corpora.Loaded);
    }

    [Fact]
    public async Task A_catalogue_corpus_not_downloaded_yet_is_refused_without_loading_it()
    {
        var refused = await Assert.ThrowsAsync<LabException>(() =>
            Resolve(new NeuronTextRequest(NeuronTextSource.OtherCorpus, CorpusId: "war-and-peace")));

        Assert.Equal("War and Peace is not on this machine yet: download it on the Corpora page first, or choose another corpus.", refused.Message);
        Assert.Empty(_corpora.Loaded);
    }

    [Fact]
    public async Task A_corpus_with_symbols_the_model_lacks_is_refused_naming_them_and_the_corpus()
    {
        var refused = await Assert.ThrowsAsync<LabException>(() =>
            Resolve(new NeuronTextRequest(NeuronTextSource.OtherCorpus, 100, CorpusId: "wiki")));

        Assert.Equal($"The model knows {Model.Count} symbols; Wiki markup's validation slice has 7 it does not: " +
            "'b' (U+0062), 'f' (U+0066), 'r' (U+0072), '«' (U+00AB), '»' (U+00BB) and 2 more. " +
            "Choose a corpus written in the same characters, or paste text.", refused.Message);
    }

    [Fact]
    public async Task Only_the_slice_is_checked_so_symbols_in_the_training_part_do_not_matter()
    {
        Assert.Contains('?', Dialogue);
        var text = await Resolve(new NeuronTextRequest(NeuronTextSource.OtherCorpus, 100, CorpusId: "dialogue"));

        Assert.Equal(Dialogue[1_900..], text.Text);
    }

    [Fact]
    public async Task Pasted_text_with_symbols_the_model_lacks_is_refused_the_same_way()
    {
        var refused = await Assert.ThrowsAsync<LabException>(() => Resolve(new NeuronTextRequest(NeuronTextSource.Pasted, Pasted: "the cat Ω")));

        Assert.Equal($"The model knows {Model.Count} symbols; the pasted text has 1 it does not: 'Ω' (U+03A9). " +
            "Paste text written in the characters of the run's corpus.", refused.Message);
    }

    [Fact]
    public async Task Pasted_text_at_the_limit_is_read_and_one_character_more_is_refused_with_its_length()
    {
        var atLimit = await Resolve(new NeuronTextRequest(NeuronTextSource.Pasted, Pasted: new string('a', NeuronTextRequest.MaxLength)));
        var refused = await Assert.ThrowsAsync<LabException>(() =>
            Resolve(new NeuronTextRequest(NeuronTextSource.Pasted, Pasted: new string('a', NeuronTextRequest.MaxLength + 1))));

        Assert.Equal(NeuronTextRequest.MaxLength, atLimit.Text.Length);
        Assert.Equal("The pasted text has 50,001 characters; paste at most 50,000.", refused.Message);
    }

    [Fact]
    public void Only_corpora_that_need_no_download_are_offered()
    {
        Assert.Equal(["mixed", "dialogue", "wiki", "upload-prose"], Texts.ReadableCorpora().Select(c => c.Id));
    }

    private static string Repeat(string line)
    {
        var text = new StringBuilder();
        while (text.Length < CorpusLength) text.Append(line);
        return text.ToString(0, CorpusLength);
    }
}
