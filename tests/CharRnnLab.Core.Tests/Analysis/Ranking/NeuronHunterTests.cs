using CharRnnLab.Core.Analysis.Features;
using CharRnnLab.Core.Analysis.Ranking;
using CharRnnLab.Core.Analysis.Recording;
using CharRnnLab.Core.Model;

namespace CharRnnLab.Core.Tests.Analysis.Ranking;

public class NeuronHunterTests
{
    [Fact]
    public void Hunt_ranks_cells_and_fits_a_probe_on_a_recorded_text()
    {
        string text = string.Concat(Enumerable.Range(0, 60).Select(i => $"ab \"{new string('a', i % 7 + 1)} b\" a{new string('b', i % 5)}\n"));
        var weights = TestModels.Random(CellType.Lstm, 2, hidden: 6, vocabulary: 5, seed: 4, alphabet: "ab \"\n");
        var recording = ActivationRecorder.Record(weights, text, RecordingOptions.Exact);

        var reports = NeuronHunter.HuntAll(recording, [new LinePositionTrack(), new QuoteTrack()],
            new NeuronHuntOptions { Top = 4, Probe = true });

        Assert.Equal(["linepos", "quote"], reports.Select(r => r.Feature));
        foreach (var report in reports)
        {
            Assert.Equal(4, report.Correlated.Count);
            Assert.True(report.Correlated.Zip(report.Correlated.Skip(1)).All(p => p.First.Score >= p.Second.Score));
            Assert.NotNull(report.Probe);
            Assert.Null(report.Note);
        }
        Assert.NotNull(reports[1].Probe!.TestAccuracy);
    }

    [Fact]
    public void Feature_that_never_varies_gives_a_note_instead_of_a_ranking()
    {
        var recording = new SyntheticRecording(200, units: 3).Build(); // text of 'a' only: no URL

        var report = NeuronHunter.Hunt(recording, new UrlTrack(), new NeuronHuntOptions { Probe = true });

        Assert.Empty(report.Correlated);
        Assert.Null(report.Probe);
        Assert.Contains("url feature is 0 everywhere", report.Note);
    }
}
